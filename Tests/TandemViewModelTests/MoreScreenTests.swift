import Testing
import TandemCore
import TandemSQLite
import TandemViewModel

@Suite struct MoreScreenTests {
    @Test func matchBasedCouplingFromTheListReportsEachUnmatchedRecord() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let before = try harness.opened.workspace.store.couplingCount(mapping: "CUSTOMER")
        harness.model.press(.character("m"))
        guard case .match(let dialog)? = harness.state.modal else { Issue.record("no dialog"); return }
        #expect(dialog.fields.filter(\.on).map(\.erpField) == ["Name", "E-Mail"])
        #expect(dialog.count == nil)
        try expectGolden(harness.model.frame, "match-dialog-80x24")
        harness.model.press(.escape)
        #expect(try harness.opened.workspace.store.couplingCount(mapping: "CUSTOMER") == before)

        // While matching runs, its progress dialog offers no cancel (the matcher cannot stop half-way).
        var working = harness.state
        working.modal = .progress(ProgressState(title: "Match-based coupling", total: 0, token: nil))
        #expect(working.context == .working && Bindings.hints(in: .working).isEmpty)
        #expect(!Renderer.render(working).text.contains("Esc cancels"))
        harness.model.press(.character("m"), .enter)
        guard case .result(let result)? = harness.state.modal else { Issue.record("no result"); return }
        #expect(result.summary.hasPrefix("Coupled 40, created 0, unmatched"))
        #expect(result.problems.contains { $0.hasSuffix("ambiguous: 2 candidates") })
        #expect(result.problems.contains { $0.contains("candidate already coupled") })
        #expect(try harness.opened.workspace.store.couplingCount(mapping: "CUSTOMER") == before + 40)
    }

    @Test func theMatchDialogChangesFieldsCaseAndPriority() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("m"))
        // Turn E-Mail off (second field is Address; find E-Mail's row), make Name case-sensitive.
        harness.model.press(.character("c"))
        guard case .match(var dialog)? = harness.state.modal else { Issue.record("no dialog"); return }
        let firstField = try #require(dialog.fields.first)
        #expect(firstField.caseSensitive)
        let mail = try #require(dialog.fields.firstIndex { $0.erpField == "E-Mail" })
        for _ in 0..<mail { harness.model.press(.down) }
        harness.model.press(.character("-"), .space)
        guard case .match(let changed)? = harness.state.modal else { Issue.record("no dialog"); return }
        dialog = changed
        #expect(dialog.fields[mail].priority == 0 && !dialog.fields[mail].on)
        for _ in 0..<dialog.rowCount { harness.model.press(.down) }
        harness.model.press(.up, .up, .space)
        guard case .match(let options)? = harness.state.modal else { Issue.record("no dialog"); return }
        #expect(options.createNew)
    }

    @Test func theErrorsScreenRestoresADeletedSideAndRetries() throws {
        let harness = try Harness()
        defer { harness.remove() }
        _ = try SyncEngine(workspace: harness.opened.workspace)
            .synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        _ = try SyncEngine(workspace: harness.opened.workspace)
            .synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        harness.model.press(.character("E"))
        guard case .errors(let screen)? = harness.state.screens.last else { Issue.record("no errors"); return }
        let row = try #require(screen.rows.first)
        #expect(row.erpLabel?.hasPrefix("C00370") == true && row.crmLabel == nil && row.skipped)
        #expect(harness.model.frame.text.contains("gone"))
        // With the CRM side gone there is nothing to retry or synchronize: neither is offered, and
        // pressing them says what to do instead; the coupling stays skipped.
        #expect(!harness.model.frame.lines[23].contains("r retry") && !harness.model.frame.lines[23].contains("s sync"))
        #expect(harness.model.frame.lines[23].contains("t restore"))
        harness.model.press(.character("r"))
        #expect(harness.state.message == "One side of this coupling is gone: restore it (t) or delete the surviving record (x).")
        harness.model.press(.character("s"))
        #expect(harness.state.modal == nil && harness.state.messageIsError)
        #expect(try harness.opened.workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: row.erpID)?.skipped == true)
        harness.model.press(.character("t"))
        #expect(harness.state.message == "Restored the missing record and coupled it.")
        guard case .errors(let after)? = harness.state.screens.last else { Issue.record("errors closed"); return }
        // Left: the sample's customers whose salesperson is not coupled (C00500, C00510, C00520).
        #expect(!after.rows.contains { $0.erpID == row.erpID } && after.rows.count == 3)
        let coupling = try #require(try harness.opened.workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: row.erpID))
        #expect(try harness.opened.table("account", on: .crm).record(id: coupling.crmID) != nil)
    }

    @Test func deletingTheSurvivingRecordAsksFirstAndSaysItCannotBeUndone() throws {
        let harness = try Harness()
        defer { harness.remove() }
        _ = try SyncEngine(workspace: harness.opened.workspace)
            .synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        harness.model.press(.character("E"))
        guard case .errors(let screen)? = harness.state.screens.last else { Issue.record("no errors"); return }
        let row = try #require(screen.rows.first)
        harness.model.press(.character("x"))
        guard case .confirm(let question)? = harness.state.modal else { Issue.record("no question"); return }
        #expect(question.text.contains("cannot be undone") && !question.yes)
        harness.model.press(.enter)  // No is under the cursor
        #expect(try harness.opened.table("Customer", on: .erp).record(id: row.erpID) != nil)
        harness.model.press(.character("x"), .character("y"))
        #expect(try harness.opened.table("Customer", on: .erp).record(id: row.erpID) == nil)
        #expect(try harness.opened.workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: row.erpID) == nil)
    }

    @Test func theMappingsScreenShowsAndChangesAMapping() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("M"))
        #expect(harness.model.frame.text.contains("Mapping CUSTOMER") && harness.model.frame.text.contains("Credit Limit"))
        harness.model.press(.character("u"), .space)
        let mapping = try harness.opened.workspace.store.mapping(named: "CUSTOMER")
        #expect(mapping.updateConflict == .sendERP && !mapping.fields[0].isEnabled)
        harness.model.press(.tab)
        #expect(harness.model.frame.text.contains("Mapping CONTACT") && harness.model.frame.text.contains("via CUSTOMER"))
        harness.model.press(.escape)
        #expect(harness.state.screens.isEmpty)
    }
}
