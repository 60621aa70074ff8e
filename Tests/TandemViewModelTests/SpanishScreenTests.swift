import Testing
import TandemCore
@testable import TandemViewModel

/// The terminal UI in Spanish: whole frames of the main screens at 80×24 and 60×16 (golden files
/// `Golden/es-*.txt`), and the rules that keep Spanish words inside their widths — the hint line, the
/// help box, the list's column titles, the fixed-column headers and the dialogs' buttons.
@Suite struct SpanishScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 60, height: 16)]

    /// Runs `body` in Spanish; the Harness runs effects inline, so the language covers them too.
    func spanish<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.spanish, operation: body) }

    func name(_ screen: String, _ size: Size) -> String { "es-\(screen)-\(size.width)x\(size.height)" }

    /// Every row exactly as wide as the screen: nothing drawn past the frame or half a character left.
    func expectWhole(_ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) {
        for row in 0..<frame.size.height {
            #expect(DisplayWidth.of(frame.line(row)) == frame.size.width, "row \(row)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: sizes) func theCustomersListSpeaksSpanish(_ size: Size) throws {
        try spanish {
            let harness = try Harness(size: size)
            defer { harness.remove() }
            let frame = harness.model.frame
            try expectGolden(frame, name("customers", size))
            expectWhole(frame)
            #expect(frame.line(0).hasPrefix(size.width >= 80 ? " Tandem · Clientes: ERP Cliente ↔ CRM account" : " Tandem · Clientes: ERP Cliente ↔ …"))
            #expect(frame.line(0).hasSuffix(" área de trabajo: sample "))
            #expect(frame.line(1).contains("ERP · Cliente · 160") && frame.line(1).contains("CRM · Cuenta · 170"))
            #expect(frame.line(2).contains("Nº") && frame.line(2).contains("Nombre"))
            #expect(frame.line(size.height - 2).contains("160 clientes"))
            let hints = frame.line(size.height - 1)
            #expect(hints.contains("Espacio marcar") && hints.contains("? ayuda") && hints.contains("q salir"), "\(hints)")
        }
    }

    @Test(arguments: sizes) func theContactsListSpeaksSpanish(_ size: Size) throws {
        try spanish {
            let harness = try Harness(size: size)
            defer { harness.remove() }
            harness.model.press(.character("2"))
            let frame = harness.model.frame
            try expectGolden(frame, name("contacts", size))
            expectWhole(frame)
            #expect(frame.line(0).contains("Contactos"))
            #expect(frame.line(1).contains("ERP · Contacto · 302") && frame.line(1).contains("CRM · Contacto · 320"), "\(frame.text)")
            #expect(frame.line(size.height - 2).contains("302 contactos"), "\(frame.line(size.height - 2))")
        }
    }

    @Test(arguments: sizes) func aCardShowsBusinessCentralsSpanishCaptionsAndSpanishDates(_ size: Size) throws {
        try spanish {
            let harness = try Harness(size: size)
            defer { harness.remove() }
            harness.focus("C00310")
            harness.model.press(.enter)
            let frame = harness.model.frame
            try expectGolden(frame, name("card", size))
            expectWhole(frame)
            let text = frame.text
            #expect(frame.line(0).contains(size.width >= 80 ? "ERP Cliente C00310 Brauerei Großmann" : "ERP Cliente C00310 Braue…"))
            #expect(text.contains(" Dirección") && text.contains("Población") && text.contains("Cód. país/región"))
            #expect(text.contains("emparejado · modificado aquí"))
            if size.width >= 76 {
                #expect(text.contains("Emparejamiento") && text.contains("Sincr. ERP 02/11/2026 09:00"), "\(text)")
                #expect(!text.contains("2026-11-02"))
            }
        }
    }

    @Test(arguments: sizes) func theSetUpCouplingDialogKeepsItsButtonsWhole(_ size: Size) throws {
        try spanish {
            let harness = try Harness(size: size)
            defer { harness.remove() }
            harness.focus("C01600")
            harness.model.press(.enter, .character("c"))
            guard case .coupling? = harness.state.modal else { Issue.record("no dialog"); return }
            let frame = harness.model.frame
            try expectGolden(frame, name("coupling-dialog", size))
            expectWhole(frame)
            let text = frame.text
            #expect(text.contains("Configurar emparejamiento") && text.contains("Registro ERP") && text.contains("Sincronizar después"))
            #expect(text.contains("‹ Sí – usar los datos del ERP ›"), "\(text)")
            let buttons = try #require(frame.lines.first { $0.contains("[ Cancelar ]") }, "\(text)")
            #expect(buttons.contains("[ Aceptar ]    [ Cancelar ] │"), "\(buttons)")
        }
    }

    @Test(arguments: sizes) func theSynchronizeNowQuestionIsAskedInSpanish(_ size: Size) throws {
        try spanish {
            let harness = try Harness(size: size)
            defer { harness.remove() }
            harness.focus("C00310")
            harness.model.press(.enter, .character("s"))
            guard case .syncQuestion? = harness.state.modal else { Issue.record("no question"); return }
            let frame = harness.model.frame
            try expectGolden(frame, name("sync-question", size))
            expectWhole(frame)
            #expect(frame.text.contains("┌─ Sincronizar ahora ─"))
            #expect(frame.line(size.height - 1).contains("p vista previa") && frame.line(size.height - 1).contains("Esc cancelar"))
        }
    }

    @Test(arguments: sizes) func theMatchDialogFitsItsSentenceHeaderAndButton(_ size: Size) throws {
        try spanish {
            let harness = try Harness(size: size)
            defer { harness.remove() }
            harness.model.press(.character("m"))
            guard case .match? = harness.state.modal else { Issue.record("no dialog"); return }
            let frame = harness.model.frame
            try expectGolden(frame, name("match-dialog", size))
            expectWhole(frame)
            let text = frame.text
            #expect(text.contains("Emparejamiento basado en coincidencias"))
            #expect(text.contains("Emparejar los ERP no emparejados con CRM iguales en: "), "\(text)")
            #expect(text.contains("Coinc. Mayús Prioridad") && text.contains("[ Emparejar ]"))
            #expect(text.contains("Crear nuevo si no hay coincidencia") && text.contains("Sincronizar tras emparejar"))
        }
    }

    @Test(arguments: sizes) func aSyncResultSaysHowToGoOnInSpanish(_ size: Size) throws {
        try spanish {
            let harness = try Harness(size: size)
            defer { harness.remove() }
            harness.model.press(.down, .down, .space, .space, .space, .space, .down, .down, .space)
            harness.model.press(.character("s"), .enter)
            guard case .result(let result)? = harness.state.modal, let job = result.jobID else { Issue.record("no result"); return }
            let frame = harness.model.frame
            try expectGolden(frame, name("sync-result", size))
            expectWhole(frame)
            #expect(frame.text.contains("Intro abre el trabajo \(job) · Esc cierra"), "\(frame.text)")
        }
    }

    @Test func theKeysAreNamedAsSpanishKeyboardsLabelThem() {
        spanish {
            #expect(Key.enter.description == "Intro" && Key.space.description == "Espacio" && Key.escape.description == "Esc")
            #expect(Key.pageDown.description == "AvPág" && Key.delete.description == "Supr")
            #expect(Bindings.bindings(in: .coupling).contains { $0.keyText == "Mayús-Tab ↑" })
        }
        Language.$override.withValue(.english) {
            #expect(Key.enter.description == "Enter" && Key.space.description == "Space" && Key.backTab.description == "Shift-Tab")
        }
    }

    /// Too narrow a line drops hints by rank, in Spanish as in English: what stays fits, and help and the
    /// way out (quit, back, cancel, close) always stay.
    @Test(arguments: [40, 59, 79, 119]) func theSpanishHintLineFitsByDroppingTheLowestRanks(_ width: Int) {
        spanish {
            for context in Context.allCases where context != .filterEditing && context != .working {
                let line = Bindings.hints(in: context, width: width)
                let kept = Bindings.bindings(in: context).filter { [.help, .quit, .back, .cancel, .closeOverlay].contains($0.command) }
                    .compactMap { binding in binding.hint.map { "\(binding.keys[0]) \($0)" } }
                #expect(DisplayWidth.of(line) <= width || DisplayWidth.of(kept.joined(separator: "  ")) > width, "\(context): \(line)")
                for hint in kept { #expect(line.contains(hint), "\(context) at \(width): \(line)") }
            }
            #expect(Bindings.hints(in: .list, width: 79)
                    == "Espacio marcar  / filtro  c emparejar  J trabajos  E errores  ? ayuda  q salir")
            #expect(Bindings.hints(in: .filterEditing) == "escriba para filtrar  Intro conservar  Esc borrar")
        }
    }

    @Test func everySpanishColumnTitleFitsItsNarrowestWidth() {
        let english = Language.$override.withValue(.english) { PageKind.standard }
        spanish {
            #expect(PageKind.customers.title == "Clientes" && PageKind.contacts.title == "Contactos")
            for (page, englishPage) in zip(PageKind.standard, english) {
                let pairs = zip(page.erpColumns + page.crmColumns, englishPage.erpColumns + englishPage.crmColumns)
                for (column, englishColumn) in pairs {
                    #expect(DisplayWidth.of(column.title) <= column.width, "\(page.id).\(column.field): \(column.title)")
                    #expect(column.title != englishColumn.title, "\(page.id).\(column.field) has no Spanish title")
                }
            }
        }
    }

    /// The headers of the screens that draw their rows in fixed columns start each title where its
    /// values are drawn, in both languages (the columns are the renderers' own offsets).
    @Test(arguments: Language.allCases) func theFixedColumnHeadersKeepTheirColumns(_ language: Language) throws {
        let headers: [(String, [Int])] = Language.$override.withValue(language) { [
            (tr("   Job  Started           Type             Mapping              Result"), [8, 26, 43, 64]),
            (tr("   Time              Source → destination"), [3, 21]),
            (tr("   Table     Record                    Coupled to                ERP  CRM  Skipped"), [3, 13, 39, 65, 70, 75]),
            (tr("   ERP field            CRM field              Direction     On   Match"), [3, 24, 47, 61, 66]),
            (tr("   Field                       Match  Case  Priority"), [3, 31, 38, 44]),
        ] }
        for (header, columns) in headers {
            let characters = Array(header)
            for column in columns {
                #expect(characters.indices.contains(column) && characters[column] != " " && characters[column - 1] == " ",
                        "\(language): \"\(header)\" has no title starting at column \(column)")
            }
        }
        // The job number is right-aligned in six columns: its title ends there too.
        let jobs = Array(Language.$override.withValue(language) { tr("   Job  Started           Type             Mapping              Result") })
        #expect(jobs[5] != " " && jobs[6] == " ")
    }

    /// A skipped record in the preview and the refusals of an undo keep their warning style in Spanish.
    @Test func aSkipInThePreviewAndAnUndosRefusalsAreMarkedInSpanish() throws {
        try spanish {
            let harness = try Harness()
            defer { harness.remove() }
            // C00990 is not coupled: the preview of it with C00090 lists it as skipped.
            // Rows 3 and 4 of the list are C00090 and C00990.
            harness.model.press(.down, .down, .down, .space, .space, .character("s"), .character("p"))
            guard case .preview? = harness.state.modal else { Issue.record("no preview"); return }
            let frame = harness.model.frame
            let row = try #require((0..<frame.size.height).first { frame.line($0).contains("C00990") && frame.line($0).contains("omitido —") },
                                   "\(frame.text)")
            #expect(frame.styleLine(row).contains("!"))
            var state = AppState(size: Size(width: 80, height: 24), workspaceName: "w")
            state.modal = .undoPreview(UndoPreviewDialog(jobID: 3, summary: "s", lines: [
                "  ERP C00010 Adatum: City Kiel → Berlin", tr("Refused (changed or deleted since the job):")]))
            let undo = Renderer.render(state)
            let refused = try #require((0..<24).first { undo.line($0).contains("Rechazados") })
            #expect(undo.styleLine(refused).contains("!") && !undo.styleLine(refused - 1).contains("!"))
        }
    }
}
