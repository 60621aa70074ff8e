import Testing
import TandemCore
import TandemSQLite
import TandemViewModel

/// The screens' own words in Spanish (issue 13): flows on the sample workspace under a Spanish
/// override, effects run inline so the override covers them too. Texts the core makes (a job's
/// message, a sync result's summary) are the core's to translate and are not asserted here.
@Suite struct SpanishFlowTests {
    func spanish(_ body: () throws -> Void) rethrows { try Language.$override.withValue(.spanish, operation: body) }

    @Test func aFieldSavedOnTheCardAndTheRefusalWhenSomeoneElseChangedIt() throws {
        let harness = try Harness()
        defer { harness.remove() }
        try spanish {
            harness.editCityOnTheCard(of: "C00900")
            harness.model.type(String(repeating: "x", count: 29) + "😀")
            #expect(harness.state.message == "Población admite como máximo 30 caracteres." && harness.state.messageIsError)
            for _ in 0..<29 { harness.model.press(.backspace) }
            harness.model.type("Córdoba")
            harness.model.press(.enter)
            #expect(harness.state.message == "Se guardó Población.")
            #expect(try harness.customer("C00900")["City"] == "Córdoba")
            // Someone else edits the record while its City is being typed: the write is refused.
            harness.model.press(.enter)
            harness.model.type("-Sevilla")
            let record = try harness.customer("C00900")
            try harness.opened.table("Customer", on: .erp).write(.update(id: record.id, fields: ["City": "Jaén"],
                                                                          expected: record.modifiedAt))
            harness.model.press(.enter)
            #expect(harness.state.message
                    == "No se guardó: otra persona modificó este registro después de mostrarlo; ahora se muestra su versión.")
            #expect(try harness.customer("C00900")["City"] == "Jaén")
        }
    }

    @Test func aPersonsNameIsRefusedWithTheCaptionsOfItsParts() throws {
        let harness = try Harness()
        defer { harness.remove() }
        spanish {
            harness.model.press(.character("2"))
            harness.focus("CT000010")
            harness.model.press(.enter)
            for _ in 0..<20 {
                guard case .card(let card)? = harness.state.screens.last, StandardTables.erpContact.fields[card.cursor].name != "Name"
                else { break }
                harness.model.press(.down)
            }
            harness.model.press(.enter)
            #expect(harness.state.message == "Nombre se compone de Nombre de pila y Apellidos; edite esos campos.")
            guard case .card(let card)? = harness.state.screens.last else { Issue.record("card closed"); return }
            #expect(card.editing == nil)
        }
    }

    @Test func theCouplingDialogsErrors() throws {
        let harness = try Harness()
        defer { harness.remove() }
        spanish {
            // OK with no CRM record chosen.
            harness.focus("C01600")
            harness.model.press(.character("c"))
            guard case .coupling? = harness.state.modal else { Issue.record("no coupling dialog"); return }
            harness.model.press(.enter)
            guard case .coupling(let empty)? = harness.state.modal else { Issue.record("dialog closed"); return }
            #expect(empty.error == "Elija un registro CRM: escriba su nombre o pulse F4 para ver la lista.")
            harness.model.press(.escape, .escape)
            // An uncoupled CRM record is coupled from its ERP record: Aceites Núñez once its coupling is deleted.
            harness.focus("C00900")
            harness.model.press(.character("d"), .character("y"), .tab, .character("/"))
            harness.model.type("Aceites")
            harness.model.press(.enter)
            #expect(harness.cursorName(.crm) == "Aceites Núñez" && harness.pane(.crm).currentRow?.counterpart == nil)
            harness.model.press(.character("c"))
            #expect(harness.state.modal == nil && harness.state.messageIsError)
            #expect(harness.state.message
                    == "Configure el emparejamiento desde la fila o la ficha del registro ERP (n crea este registro en el ERP).")
        }
    }

    /// Text typed that no CRM record matches yet (its lookup still in flight) says so.
    @Test func typedTextThatMatchesNothingYetIsNamedInTheError() {
        Language.$override.withValue(.spanish) {
            var state = AppState(size: Size(width: 80, height: 24), workspaceName: "w")
            var dialog = CouplingDialog(page: .customers, erpID: RecordID("00000000-0000-4000-8000-000000000001"), erpLabel: "C1 A")
            dialog.crmText = "Adat"
            state.modal = .coupling(dialog)
            let effects = Reducer.reduce(&state, .key(.enter))
            #expect(effects.isEmpty)
            guard case .coupling(let shown)? = state.modal else { Issue.record("dialog closed"); return }
            #expect(shown.error == "Ningún registro CRM coincide todavía con \"Adat\".")
        }
    }

    @Test func theDeleteCouplingAndCreateNewConfirmationsCountRecords() throws {
        let harness = try Harness()
        defer { harness.remove() }
        spanish {
            // The first row, then the first two rows selected.
            harness.model.press(.character("d"))
            guard case .confirm(let one)? = harness.state.modal else { Issue.record("no question"); return }
            #expect(one.text == "¿Eliminar el emparejamiento de 1 registro? Los registros no se modifican." && !one.yes)
            harness.model.press(.escape, .space, .space, .character("d"))
            guard case .confirm(let two)? = harness.state.modal else { Issue.record("no question"); return }
            #expect(two.text == "¿Eliminar el emparejamiento de 2 registros? Los registros no se modifican.")
            harness.model.press(.escape, .character("n"))
            guard case .confirm(let create)? = harness.state.modal else { Issue.record("no question"); return }
            #expect(create.text == "¿Crear 2 registros en el CRM a partir del ERP y emparejarlos?" && create.yes)
            harness.model.press(.escape, .escape)
            harness.focus("C016")
            harness.model.press(.character("n"))
            guard case .confirm(let single)? = harness.state.modal else { Issue.record("no question"); return }
            #expect(single.text == "¿Crear 1 registro en el CRM a partir del ERP y emparejarlos?")
            // On the card the question names this record.
            harness.model.press(.escape, .enter, .character("d"))
            guard case .confirm(let card)? = harness.state.modal else { Issue.record("no question"); return }
            #expect(card.text == "¿Eliminar el emparejamiento de este registro? Los registros no se modifican.")
        }
    }

    @Test func theCleanupQuestionAndItsAnswer() throws {
        let harness = try Harness()
        defer { harness.remove() }
        _ = try SyncEngine(workspace: harness.opened.workspace).synchronize(SyncRequest(
            mapping: "CUSTOMER", selection: .records(.erp, [try harness.customer("C00090").id]), choice: .toCRM))
        spanish {
            harness.model.press(.character("J"), .character("x"))
            guard case .confirm(let old)? = harness.state.modal else { Issue.record("no question"); return }
            #expect(old.text == "¿Eliminar los trabajos iniciados hace más de 7 días? "
                    + "Se conservan los trabajos fallidos a los que aún remite un emparejamiento omitido." && !old.yes)
            harness.model.press(.character("y"))
            #expect(harness.state.message == "Se eliminaron 0 trabajos del log.")
            harness.model.press(.character("X"))
            guard case .confirm(let all)? = harness.state.modal else { Issue.record("no question"); return }
            #expect(all.text == "¿Eliminar todos los trabajos? Se conservan los trabajos fallidos a los que aún remite un emparejamiento omitido.")
            harness.model.press(.character("y"))
            #expect(harness.state.message == "Se eliminó 1 trabajo del log.")
        }
    }

    @Test func theUndoPreviewSummaryAndItsRefusals() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let workspace = harness.opened.workspace
        let customers = try harness.opened.table("Customer", on: .erp)
        for (number, city) in [("C00090", "Kiel"), ("C00900", "Jaén")] {
            let record = try harness.customer(number)
            try customers.write(.update(id: record.id, fields: ["City": city], expected: record.modifiedAt))
        }
        let aceites = try harness.customer("C00900")
        let job = try SyncEngine(workspace: workspace).synchronize(SyncRequest(
            mapping: "CUSTOMER", selection: .records(.erp, [try harness.customer("C00090").id, aceites.id]), choice: .toCRM)).job
        // Someone edits one of the two accounts after the job: undo refuses it.
        let accounts = try harness.opened.table("account", on: .crm)
        let coupling = try #require(try workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: aceites.id))
        let written = try #require(try accounts.record(id: coupling.crmID))
        try accounts.write(.update(id: written.id, fields: ["telephone1": "+34 1"], expected: written.modifiedAt))
        spanish {
            harness.model.press(.character("J"), .character("u"))
            guard case .undoPreview(let preview)? = harness.state.modal else { Issue.record("no preview"); return }
            #expect(preview.summary == "Deshacer trabajo \(job.id): vuelve 1 registro, 1 rechazado.")
            #expect(preview.lines.contains("Rechazados (modificados o eliminados después del trabajo):"))
            harness.model.press(.enter)
            guard case .result(let result)? = harness.state.modal else { Issue.record("no result"); return }
            #expect(result.title == "Deshacer")
            #expect(result.problems.contains { $0.contains(": rechazado: ") }, "\(result.problems)")
        }
    }

    @Test func thePreviewSummarySaysRegistroOrRegistrosByTheCount() throws {
        let harness = try Harness()
        defer { harness.remove() }
        spanish {
            harness.focus("C00210")
            harness.model.press(.enter, .character("s"), .character("p"))
            guard case .preview(let one)? = harness.state.modal else { Issue.record("no preview"); return }
            let fields = one.preview.counts.fields
            #expect(one.summary == "Cambios en 1 de 1 registro (\(fields == 1 ? "1 campo" : "\(fields) campos")); omitidos: 0.")
            #expect(one.lines.contains { $0.hasPrefix("  CRM telephone1: ") })
            // Back on the list without its filter: the first two rows.
            harness.model.press(.escape, .escape, .escape, .escape)
            harness.model.press(.space, .space, .character("s"), .character("p"))
            guard case .preview(let two)? = harness.state.modal else { Issue.record("no preview"); return }
            let counts = two.preview.counts
            #expect(two.summary.hasPrefix("Cambios en \(counts.changing) de 2 registros ("))
            #expect(two.summary.hasSuffix("; omitidos: \(counts.skipped)."))
        }
        // No record at all: the preview of an empty selection, through the effect that makes it.
        let dialog = SyncDialog(target: .records(PaneID(.customers, .erp), []), count: 0,
                                question: .confirm(text: "", choice: .toCRM, defaultYes: true), single: false)
        var delivered: [Action] = []
        Language.$override.withValue(.spanish) {
            WorkspaceEffects(workspace: harness.opened.workspace).perform(.preview(dialog, .toCRM)) { delivered.append($0) }
        }
        guard case .previewLoaded(let none)? = delivered.first else { Issue.record("no preview: \(delivered)"); return }
        #expect(none.summary == "Cambios en 0 de 0 registros (0 campos); omitidos: 0.")
    }

    @Test func theErrorsScreensRefusalsAndAnswers() throws {
        let harness = try Harness()
        defer { harness.remove() }
        for _ in 0..<2 {
            _ = try SyncEngine(workspace: harness.opened.workspace).synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled,
                                                                                           choice: .toCRM))
        }
        spanish {
            harness.model.press(.character("E"))
            guard case .errors(let screen)? = harness.state.screens.last, let row = screen.rows.first else {
                Issue.record("no errors"); return
            }
            #expect(row.crmLabel == nil)
            harness.model.press(.character("r"))
            #expect(harness.state.message
                    == "Un lado de este emparejamiento ya no existe: restáurelo (t) o elimine el registro que queda (x).")
            #expect(harness.state.messageIsError)
            harness.model.press(.character("x"))
            guard case .confirm(let question)? = harness.state.modal else { Issue.record("no question"); return }
            #expect(question.text == "¿Eliminar \(row.erpLabel ?? "") y su emparejamiento definitivamente? No se puede deshacer.")
            harness.model.press(.escape, .character("d"))
            guard case .confirm(let delete)? = harness.state.modal else { Issue.record("no question"); return }
            #expect(delete.text == "¿Eliminar este emparejamiento? Los registros no se modifican.")
            harness.model.press(.escape, .character("t"))
            #expect(harness.state.message == "Se restauró el registro que faltaba y se emparejó.")
        }
    }

    @Test func theMappingPromptsErrors() throws {
        let harness = try Harness()
        defer { harness.remove() }
        spanish {
            harness.model.press(.character("M"), .character("e"))
            for _ in 0..<40 { harness.model.press(.backspace) }
            harness.model.type("Nope=1")
            harness.model.press(.enter)
            guard case .mappings(let noField)? = harness.state.screens.last else { Issue.record("no mappings"); return }
            #expect(noField.prompt?.error == "Cliente no tiene el campo \"Nope\".")
            for _ in 0..<6 { harness.model.press(.backspace) }
            harness.model.type("Blocked")
            harness.model.press(.enter)
            guard case .mappings(let noCondition)? = harness.state.screens.last else { Issue.record("no mappings"); return }
            #expect(noCondition.prompt?.error == "\"Blocked\" no es una condición del tipo Campo=Valor.")
            #expect(harness.model.frame.text.contains("no es una condición del tipo Campo=Valor."))
        }
    }
}
