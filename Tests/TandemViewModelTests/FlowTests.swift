import Testing
import TandemCore
import TandemSQLite
import TandemViewModel

/// Whole flows, key by key, against the sample workspace.
@Suite struct FlowTests {
    func jobCount(_ harness: Harness) throws -> Int { try harness.opened.workspace.store.jobs(limit: 1000).count }

    @Test func coupleACustomerFromItsCardToAnAccountChosenInTheLookup() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.focus("C01600")
        harness.model.press(.enter)
        guard case .card(let card)? = harness.state.screens.last else { Issue.record("no card"); return }
        #expect(card.record?["No."] == "C01600" && card.coupling == nil)
        try expectGolden(harness.model.frame, "card-uncoupled-80x24")

        harness.model.press(.character("c"))
        guard case .coupling(let opened)? = harness.state.modal else { Issue.record("no dialog"); return }
        #expect(opened.sync == .useERP && opened.crm == nil && opened.erpLabel.hasPrefix("C01600"))

        harness.model.type("Fourth Coffee L")
        harness.model.press(.function(4))
        guard case .coupling(let looking)? = harness.state.modal, let entries = looking.lookup else { Issue.record("no lookup"); return }
        let target = try #require(entries.firstIndex { $0.label == "Fourth Coffee London" })
        for _ in 0..<max(0, target - looking.lookupCursor) { harness.model.press(.down) }
        harness.model.press(.enter)
        guard case .coupling(let chosen)? = harness.state.modal else { Issue.record("dialog closed"); return }
        let account = try #require(chosen.crm)
        #expect(account.label == "Fourth Coffee London")
        #expect(chosen.comparison.contains { $0.erpField == "City" && $0.differs })
        try expectGolden(harness.model.frame, "coupling-dialog-80x24")

        harness.model.press(.enter)
        #expect(harness.state.modal == nil)
        #expect(harness.state.message?.hasPrefix("Coupled C01600") == true)
        let erp = try harness.customer("C01600")
        let crm = try #require(try harness.opened.table("account", on: .crm).record(id: account.id))
        #expect(crm["name"] == erp["Name"] && crm["address1_city"] == erp["City"] && crm["accountnumber"] == "C01600")
        guard case .card(let after)? = harness.state.screens.last else { Issue.record("card closed"); return }
        #expect(after.coupling?.counterpartID == account.id && after.coupling?.status == .coupled)
    }

    @Test func errorsStayInTheCouplingDialog() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.focus("C01600")
        harness.model.press(.character("c"))
        harness.model.type("No Such Company")
        guard case .coupling(let dialog)? = harness.state.modal else { Issue.record("no dialog"); return }
        #expect(dialog.error == "No CRM record is named \"No Such Company\" or starts with it.")
        harness.model.press(.enter)
        #expect(harness.model.frame.text.contains("No CRM record is named"))
        // An account already coupled to another customer is refused, and the dialog stays open.
        harness.model.press(.escape, .character("c"))
        harness.model.type("Aceites Núñez")
        harness.model.press(.enter)
        guard case .coupling(let refused)? = harness.state.modal else { Issue.record("dialog closed"); return }
        #expect(refused.error == "Aceites Núñez is already coupled to C00900 Aceites Núñez.")
    }

    @Test func bulkSynchronizeFiveSelectedRowsWithOneUncoupledAndOneConflicting() throws {
        let harness = try Harness()
        defer { harness.remove() }
        // Rows 2–5 are C00900, C00090 (in step), C00990 (not coupled), C00340 (E-Mail conflict); 8 is C00570.
        harness.model.press(.down, .down, .space, .space, .space, .space, .down, .down, .space)
        let selected = harness.pane(.erp).selection
        #expect(selected.count(of: 160) == 5)
        let erpTable = try harness.opened.table("Customer", on: .erp)
        let numbers = Set(try erpTable.records(ids: Array(selected.toggled)).map { $0["No."] })
        #expect(numbers == ["C00900", "C00090", "C00990", "C00340", "C00570"])

        harness.model.press(.character("s"))
        guard case .syncQuestion(let dialog)? = harness.state.modal else { Issue.record("no question"); return }
        #expect(dialog.options == ["Send data update to CRM", "Get data update from CRM"] && dialog.count == 5)
        harness.model.press(.enter)
        guard case .result(let result)? = harness.state.modal else { Issue.record("no result"); return }
        #expect(result.summary == "Synchronized 3 of 5 records. 2 were skipped.")
        #expect(result.problems.contains { $0.hasPrefix("C00990") && $0.hasSuffix("not coupled") })
        #expect(result.problems.contains { $0.hasPrefix("C00340") && $0.contains("changed since the last sync (emailaddress1)") })
        try expectGolden(harness.model.frame, "sync-result-80x24")
        #expect(harness.pane(.erp).selection.isEmpty)

        harness.model.press(.enter)
        guard case .jobErrors(let screen)? = harness.state.screens.last else { Issue.record("no job"); return }
        let job = try #require(screen.job)
        #expect(job.id == result.jobID && job.counters.unchanged == 3 && job.counters.skipped == 2)
        harness.model.press(.escape)
        #expect(harness.state.screens.isEmpty)
    }

    @Test func selectAllResolvesToEveryRowTheFilterShowsLessExceptions() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("a"), .space, .character("s"))
        guard case .syncQuestion(let all)? = harness.state.modal, case .records(_, let ids) = all.target else {
            Issue.record("no question"); return
        }
        #expect(all.count == 159 && Set(ids).count == 159)
        harness.model.press(.escape, .character("/"))
        harness.model.type("ber")
        harness.model.press(.enter, .character("a"), .character("s"))
        let shown = harness.pane(.erp).total
        guard case .syncQuestion(let filtered)? = harness.state.modal, case .records(_, let some) = filtered.target else {
            Issue.record("no question"); return
        }
        #expect(shown > 1 && filtered.count == shown && some.count == shown)
        let rows = try harness.opened.table("Customer", on: .erp).records(ids: some)
        #expect(rows.allSatisfy { ($0["Name"] + $0["No."] + $0["City"] + $0["E-Mail"]).lowercased().contains("ber") })
    }

    @Test func oneRecordFromItsCardWithTheRecommendedChoiceAndAPreview() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.focus("C00210")
        harness.model.press(.enter, .character("s"))
        guard case .syncQuestion(let dialog)? = harness.state.modal else { Issue.record("no question"); return }
        #expect(dialog.choice == .toCRM && dialog.options.count == 3)
        harness.model.press(.character("p"))
        guard case .preview(let preview)? = harness.state.modal else { Issue.record("no preview"); return }
        #expect(preview.lines.contains { $0.contains("CRM telephone1:") && $0.contains("→") })
        #expect(try jobCount(harness) == 0)
        harness.model.press(.escape)
        guard case .syncQuestion? = harness.state.modal else { Issue.record("preview did not go back"); return }
        harness.model.press(.character("p"), .enter)
        guard case .result(let result)? = harness.state.modal else { Issue.record("no result"); return }
        #expect(result.summary == "Synchronized 1 of 1 record.")
        let erp = try harness.customer("C00210")
        let crm = try harness.opened.table("account", on: .crm).records(named: erp["Name"], prefix: false, limit: 5)
        #expect(crm.contains { $0["telephone1"] == erp["Phone No."] })
    }

    @Test func okOnAPreviewWritesExactlyThatPlanAndRefusesARecordChangedSince() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.focus("C00210")
        harness.model.press(.enter, .character("s"), .character("p"))
        guard case .preview(let preview)? = harness.state.modal else { Issue.record("no preview"); return }
        let crmID = try #require(preview.preview.shown.first?.crmID)
        // Someone edits the CRM record while the preview is open.
        try harness.opened.table("account", on: .crm).edit(id: crmID, fields: ["websiteurl": "www.changed.example"])
        harness.model.press(.enter)
        guard case .result(let result)? = harness.state.modal else { Issue.record("no result"); return }
        #expect(result.summary == "Synchronized 0 of 1 record. 1 was changed by someone else meanwhile and left as they are.")
        #expect(result.problems.first?.hasSuffix("The record changed after the preview; preview again.") == true)
        #expect(try harness.opened.table("account", on: .crm).record(id: crmID)?["websiteurl"] == "www.changed.example")
    }

    @Test func aPreviewOfMoreThanItListsCountsTheRestAndEnterWritesWhatWasCounted() throws {
        let harness = try Harness(generated: 1_200)
        defer { harness.remove() }
        harness.model.press(.character("a"), .character("s"), .character("p"))
        guard case .preview(let preview)? = harness.state.modal else { Issue.record("no preview"); return }
        let counts = preview.preview.counts
        #expect(preview.preview.shown.count == PreviewState.shownLimit && counts.records == 1_200)
        #expect(preview.lines.last == "… and 200 more records, counted above")
        #expect(preview.summary.hasPrefix("\(counts.changing) of 1200 records will change"))
        harness.model.press(.enter)
        guard case .result(let result)? = harness.state.modal, let jobID = result.jobID else { Issue.record("no result"); return }
        let job = try #require(try harness.opened.workspace.store.job(jobID))
        #expect(job.counters.modified == counts.changing && job.counters.unchanged == counts.unchanged)
        #expect(job.counters.skipped == counts.skipped && job.counters.failed == counts.failing)
    }

    @Test func aConflictWarnsAndWithholdsMerge() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.focus("C00310")
        harness.model.press(.enter)
        try expectGolden(harness.model.frame, "card-conflict-80x24")
        harness.model.press(.character("s"))
        guard case .syncQuestion(let dialog)? = harness.state.modal, case .menu(_, let options, _, let warning?) = dialog.question
        else { Issue.record("no warning"); return }
        #expect(options == [.toCRM, .fromCRM])
        #expect(warning.contains("E-Mail: ERP"))
        try expectGolden(harness.model.frame, "sync-conflict-80x24")
    }

    @Test func anUncoupledRecordIsAskedToSetUpACoupling() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.focus("C01600")
        harness.model.press(.character("s"))
        guard case .confirm(let confirm)? = harness.state.modal else { Issue.record("no question"); return }
        #expect(confirm.text == "The record is not coupled. Do you want to set up a coupling?" && !confirm.yes)
        harness.model.press(.enter)
        #expect(harness.state.modal == nil)
        // y answers Yes at once (n would answer No): the coupling dialog opens.
        harness.model.press(.character("s"), .character("y"))
        guard case .coupling? = harness.state.modal else { Issue.record("no coupling dialog"); return }
    }

    @Test func editingAFieldOnTheCardWritesItAndMarksTheRowChanged() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.editCityOnTheCard(of: "C00900")
        harness.model.type("Córdoba")
        harness.model.press(.enter)
        #expect(try harness.customer("C00900")["City"] == "Córdoba")
        guard case .card(let card)? = harness.state.screens.last else { Issue.record("card closed"); return }
        #expect(card.record?["City"] == "Córdoba" && card.coupling?.changedOnERP == ["City"])
        harness.model.press(.escape)
        #expect(harness.pane(.erp).currentRow?.status == .changed)
    }

    /// On a contact's card, a person's Name is refused for editing (it is made from its parts); a
    /// company contact's Name is its own and opens for editing.
    @Test func onlyACompanyContactsNameIsEditedOnTheCard() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("2"))
        func editName(of number: String) -> CardState? {
            harness.model.press(.character("/"))
            for _ in 0..<10 { harness.model.press(.backspace) }
            harness.model.type(number)
            harness.model.press(.enter)
            harness.model.press(.enter)
            for _ in 0..<20 {
                guard case .card(let card)? = harness.state.screens.last, StandardTables.erpContact.fields[card.cursor].name != "Name"
                else { break }
                harness.model.press(.down)
            }
            harness.model.press(.enter)
            guard case .card(let card)? = harness.state.screens.last else { return nil }
            return card
        }
        let person = try #require(editName(of: "CT000010"))
        #expect(person.record?["Type"] == "Person" && person.editing == nil)
        #expect(harness.state.message == "Name is made from First Name and Surname; edit those." && harness.state.messageIsError)
        harness.model.press(.escape)
        let company = try #require(editName(of: "CT003010"))
        #expect(company.record?["Type"] == "Company" && company.editing == "Göteborgs Kaffe")
    }

    @Test func typingStopsAtTheLengthTheFieldHolds() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.editCityOnTheCard(of: "C00900")
        // An emoji is two UTF-16 units: it does not fit in the last one; a letter does.
        harness.model.type(String(repeating: "x", count: 29) + "😀")
        #expect(harness.state.message == "City holds at most 30 characters." && harness.state.messageIsError)
        harness.model.type("y")
        harness.model.press(.enter)
        #expect(try harness.customer("C00900")["City"] == String(repeating: "x", count: 29) + "y")
    }

    @Test func oOpensTheCoupledRecordsCard() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.focus("C00900")
        harness.model.press(.enter, .character("o"))
        guard case .card(let card)? = harness.state.screens.last else { Issue.record("no card"); return }
        #expect(card.side == .crm && card.record?["name"] == "Aceites Núñez" && card.coupling?.counterpartLabel == "C00900 Aceites Núñez")
        #expect(harness.model.frame.line(0).contains("CRM account Aceites Núñez"))
        harness.model.press(.escape)
        guard case .card(let back)? = harness.state.screens.last else { Issue.record("not back on the ERP card"); return }
        #expect(back.side == .erp)
    }

    @Test func deleteCouplingAsksFirstAndDefaultsToNo() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.focus("C00900")
        let id = try harness.customer("C00900").id
        harness.model.press(.character("d"), .enter)
        #expect(try harness.opened.workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: id) != nil)
        harness.model.press(.character("d"), .left, .enter)
        #expect(try harness.opened.workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: id) == nil)
        #expect(harness.state.message == "Removed 1 of 1 couplings.")
        #expect(harness.pane(.erp).currentRow?.status == .notCoupled)
    }

    @Test func everyCancelPathChangesNothing() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let store = harness.opened.workspace.store
        let before = (try store.couplingCount(mapping: "CUSTOMER"), try jobCount(harness))
        let erpBefore = try harness.opened.table("Customer", on: .erp).scan(after: nil, limit: 1000)
        let crmBefore = try harness.opened.table("account", on: .crm).scan(after: nil, limit: 1000)
        harness.focus("C01600")
        // Set up coupling: type, look up, choose, then cancel.
        harness.model.press(.character("c"))
        harness.model.type("Fourth")
        harness.model.press(.function(4), .down, .enter, .escape)
        // Synchronize now, and its preview, cancelled.
        harness.model.press(.character("/"), .escape)
        harness.model.press(.down, .down, .character("s"), .escape)
        harness.model.press(.character("s"), .character("p"), .escape, .escape)
        // Delete coupling and create new, answered No / cancelled.
        harness.model.press(.character("d"), .escape, .character("n"), .escape, .character("n"), .right, .enter)
        // A card's field edit, cancelled.
        harness.model.press(.enter, .enter)
        harness.model.type("XYZ")
        harness.model.press(.escape, .escape)
        #expect(harness.state.modal == nil && harness.state.screens.isEmpty)
        #expect((try store.couplingCount(mapping: "CUSTOMER"), try jobCount(harness)) == before)
        #expect(try harness.opened.table("Customer", on: .erp).scan(after: nil, limit: 1000) == erpBefore)
        #expect(try harness.opened.table("account", on: .crm).scan(after: nil, limit: 1000) == crmBefore)
    }

    @Test func theJobLogListsJobsNewestFirstAndOpensTheirErrors() throws {
        let harness = try Harness()
        defer { harness.remove() }
        _ = try SyncEngine(workspace: harness.opened.workspace)
            .synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        harness.model.press(.character("J"))
        guard case .jobs(let jobs)? = harness.state.screens.last else { Issue.record("no jobs"); return }
        #expect(jobs.jobs.count == 1 && harness.model.frame.text.contains("synchronization"))
        harness.model.press(.enter)
        #expect(harness.model.frame.text.contains("Coupled to a deleted record"))
        harness.model.press(.character("q"))
        // Cleanup asks first (default No), then deletes; the list reloads.
        harness.model.press(.character("X"), .enter)
        #expect(try jobCount(harness) == 1)
        harness.model.press(.character("X"), .character("n"))
        #expect(try jobCount(harness) == 1 && harness.state.modal == nil)
        harness.model.press(.character("X"), .character("y"))
        #expect(try jobCount(harness) == 0)
        #expect(harness.state.message == "Deleted 1 job from the log.")
        guard case .jobs(let emptied)? = harness.state.screens.last else { Issue.record("jobs closed"); return }
        #expect(emptied.jobs.isEmpty)
        harness.model.press(.character("q"))
        #expect(harness.state.screens.isEmpty && !harness.state.quitRequested)
    }
}
