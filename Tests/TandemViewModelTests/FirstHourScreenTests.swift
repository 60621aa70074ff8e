import Foundation
import Testing
import TandemCore
import TandemSQLite
import TandemViewModel

/// The screens' sharp edges a new user met in the first hour (issue 11), each pinned: the hint line,
/// long messages, Shift-arrows that shrink, the coupling dialog's options, the errors screen's keys,
/// the job log's details, job errors by name, undo from the job log, and results that scroll.
@Suite struct FirstHourScreenTests {
    func edit(_ number: String, city: String, _ harness: Harness) throws {
        let table = try harness.opened.table("Customer", on: .erp)
        let record = try harness.customer(number)
        try table.write(.update(id: record.id, fields: ["City": city], expected: record.modifiedAt))
    }

    @Test func theListHintLineNamesTheJobLogAndTheErrorsAtEightyColumns() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let hints = harness.model.frame.lines[23]
        #expect(hints.contains("J jobs") && hints.contains("E errors") && hints.contains("? help") && hints.contains("q quit"))
        // What does not fit goes in a fixed order: Enter open first, then Tab pane, then m match.
        #expect(!hints.contains("Enter open"))
        let wide = Bindings.hints(in: .list, width: 200)
        #expect(wide.contains("Enter open") && wide.contains("Tab pane") && wide.contains("m match"))
    }

    @Test func aLongStatusMessageWrapsOverTheRowsAboveAndIsReadWhole() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let words = (1...30).map { "word\($0)" }.joined(separator: " ")
        harness.model.send(.notice(words))
        let lines = harness.model.frame.lines
        let footer = Set(lines[18...22].joined(separator: " ").split(separator: " ").map(String.init))
        for index in 1...30 { #expect(footer.contains("word\(index)"), "word\(index) is cut") }
        #expect(lines[23].contains("? help"))
        // A short one stays on its line.
        harness.model.send(.notice("Saved."))
        #expect(harness.model.frame.lines[22].contains("Saved.") && !harness.model.frame.lines[21].contains("Saved."))
    }

    @Test func shiftUpShrinksTheRangeShiftDownExtendedAndNeverDropsOtherSelections() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let ids = harness.pane(.erp).rows.map(\.id)
        // Row 0 selected with Space (the cursor moves to row 1), then Shift-↓ three times from row 3.
        harness.model.press(.space, .down, .down, .shiftDown, .shiftDown, .shiftDown)
        #expect(harness.pane(.erp).selection.count(of: 160) == 5)
        harness.model.press(.shiftUp, .shiftUp)
        let selection = harness.pane(.erp).selection
        #expect(selection.count(of: 160) == 3)
        #expect(selection.contains(ids[0]) && selection.contains(ids[3]) && selection.contains(ids[4]))
        #expect(!selection.contains(ids[5]) && !selection.contains(ids[6]))
        // Past the anchor the run turns round: rows above it are added.
        harness.model.press(.shiftUp, .shiftUp)
        let turned = harness.pane(.erp).selection
        #expect(turned.contains(ids[2]) && turned.contains(ids[3]) && !turned.contains(ids[4]) && turned.contains(ids[0]))
        // Another key ends the run: the next Shift-↑ starts a new one from the cursor.
        harness.model.press(.down, .shiftUp)
        #expect(harness.pane(.erp).selection.contains(ids[3]))
    }

    @Test func clearingCreateNewGivesSynchronizeAfterBackWhatItSaid() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.focus("C01600")
        harness.model.press(.character("c"))
        guard case .coupling(let opened)? = harness.state.modal else { Issue.record("no dialog"); return }
        // Synchronize after: choose "no synchronization", then tick and clear Create new.
        harness.model.press(.tab, .tab)
        let before = opened.sync
        harness.model.press(.right)
        guard case .coupling(let changed)? = harness.state.modal else { Issue.record("no dialog"); return }
        #expect(changed.sync != before)
        harness.model.press(.backTab, .space)
        guard case .coupling(let ticked)? = harness.state.modal else { Issue.record("no dialog"); return }
        #expect(ticked.createNew && ticked.sync == .useERP)
        harness.model.press(.space)
        guard case .coupling(let cleared)? = harness.state.modal else { Issue.record("no dialog"); return }
        #expect(!cleared.createNew && cleared.sync == changed.sync)
    }

    @Test func theJobLogShowsEveryCounterTheFinishAndTheDurationOfTheCursorJob() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let adatum = try harness.customer("C00090")
        _ = try CouplingService(workspace: harness.opened.workspace).uncouple(mapping: "CUSTOMER", side: .erp, ids: [adatum.id])
        harness.model.press(.character("J"))
        let text = harness.model.frame.text
        #expect(text.contains("Removed 1 of 1 couplings."))
        #expect(text.contains("uncoupled 1"), "\(text)")
        #expect(text.contains("inserted 0 · modified 0 · deleted 0 · unchanged 0"))
        #expect(text.contains("coupled 0 · uncoupled 1 · skipped 0 · failed 0"))
        #expect(text.contains("changed by someone else meanwhile 0"))
        #expect(text.contains("finished") && text.contains("took"))
        #expect(harness.model.frame.lines[23].contains("u undo"))
    }

    @Test func jobErrorsNameTheRecordsAndScroll() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let workspace = harness.opened.workspace
        // Thirty accounts get a city longer than the ERP's City holds (30): each fails alone, from the CRM.
        let accounts = try harness.opened.table("account", on: .crm)
        let couplings = Array(try workspace.store.couplings(mapping: "CUSTOMER", after: nil, limit: 60)
            .filter { try accounts.record(id: $0.crmID) != nil }.prefix(30))
        try #require(couplings.count == 30)
        for coupling in couplings {
            let account = try #require(try accounts.record(id: coupling.crmID))
            try accounts.write(.update(id: account.id, fields: ["address1_city": String(repeating: "x", count: 50)],
                                       expected: account.modifiedAt))
        }
        let job = try SyncEngine(workspace: workspace).synchronize(SyncRequest(
            mapping: "CUSTOMER", selection: .records(.erp, couplings.map(\.erpID)), choice: .fromCRM,
            overwriteChangedDestination: true)).job
        #expect(job.counters.failed == 30)
        harness.model.press(.character("J"), .enter)
        guard case .jobErrors(let screen)? = harness.state.screens.last else { Issue.record("no job errors"); return }
        #expect(screen.errors.count == 30)
        let first = try #require(screen.errors.first)
        let erp = try #require(try harness.opened.table("Customer", on: .erp).record(id: couplings[0].erpID))
        let names = screen.errors.map { $0.source ?? "" } + screen.errors.map { $0.destination ?? "" }
        #expect(names.contains { $0.hasPrefix(erp["No."]) })
        #expect(first.sourceSide == .crm)
        var frame = harness.model.frame.text
        #expect(!frame.contains(couplings[0].erpID.rawValue) && !frame.contains(couplings[0].crmID.rawValue))
        #expect(frame.contains("↓ and 21 more"))
        harness.model.press(.pageDown, .pageDown, .pageDown)
        frame = harness.model.frame.text
        guard case .jobErrors(let scrolled)? = harness.state.screens.last else { Issue.record("closed"); return }
        #expect(scrolled.cursor == 27 && scrolled.scroll > 0)
        #expect(frame.contains("↓ and 2 more"))
    }

    @Test func aJobThatOnlySkippedSaysSoInsteadOfNothing() throws {
        let harness = try Harness()
        defer { harness.remove() }
        // C00990 is not coupled: synchronizing it with C00090 skips it and fails nothing.
        let job = try SyncEngine(workspace: harness.opened.workspace).synchronize(SyncRequest(
            mapping: "CUSTOMER", selection: .records(.erp, [try harness.customer("C00990").id, try harness.customer("C00090").id]),
            choice: .toCRM)).job
        #expect(job.counters.skipped == 1 && job.counters.failed == 0)
        harness.model.press(.character("J"), .enter)
        #expect(harness.model.frame.text.contains("No record failed in this job. 1 record was skipped: skips are not errors"))
    }

    @Test func undoFromTheJobLogPreviewsThenWritesOnlyOnEnter() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let workspace = harness.opened.workspace
        try edit("C00090", city: "Kiel", harness)
        try edit("C00900", city: "Jaén", harness)
        let adatum = try harness.customer("C00090"), aceites = try harness.customer("C00900")
        let job = try SyncEngine(workspace: workspace).synchronize(SyncRequest(
            mapping: "CUSTOMER", selection: .records(.erp, [adatum.id, aceites.id]), choice: .toCRM)).job
        // Someone edits one of the two accounts after the job: undo must refuse it.
        let accounts = try harness.opened.table("account", on: .crm)
        let aceitesCoupling = try #require(try workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: aceites.id))
        let written = try #require(try accounts.record(id: aceitesCoupling.crmID))
        try accounts.write(.update(id: written.id, fields: ["telephone1": "+34 1"], expected: written.modifiedAt))

        harness.model.press(.character("J"))
        guard case .jobs(let jobs)? = harness.state.screens.last else { Issue.record("no job log"); return }
        #expect(jobs.jobs.first?.id == job.id)
        harness.model.press(.character("u"))
        guard case .undoPreview(let preview)? = harness.state.modal else { Issue.record("no preview: \(String(describing: harness.state.message))"); return }
        #expect(preview.summary == "Undo job \(job.id): 1 record go back, 1 refused.")
        #expect(preview.lines.contains { $0.contains("address1_city \"Kiel\" → \"Boston\"") || $0.contains("address1_city Kiel → Boston") })
        #expect(preview.lines.contains { $0.contains("the record changed after job \(job.id)") })
        // Esc writes nothing.
        harness.model.press(.escape)
        #expect(harness.state.modal == nil)
        let coupling = try #require(try workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: adatum.id))
        #expect(try accounts.record(id: coupling.crmID)?["address1_city"] == "Kiel")
        // Enter undoes: the result says what went back and what was refused.
        harness.model.press(.character("u"), .enter)
        guard case .result(let result)? = harness.state.modal else { Issue.record("no result"); return }
        #expect(result.title == "Undo")
        #expect(result.summary.hasPrefix("Undid job \(job.id): 1 record restored, 1 refused."))
        #expect(try accounts.record(id: coupling.crmID)?["address1_city"] == "Boston")
        // Undone once: asking again says so.
        // The undo is the newest job now; the original is below it.
        harness.model.press(.escape, .down, .character("u"))
        #expect(harness.state.messageIsError && harness.state.message?.contains("already undone") == true)
    }

    @Test func aResultScrollsThroughEveryListedProblemAndSaysHowManyMore() throws {
        var state = AppState(size: Size(width: 80, height: 24), workspaceName: "w")
        let problems = (1...40).map { "C\(String(format: "%05d", $0)) Name: skipped" } + ["… and 960 more"]
        state.modal = .result(ResultState(summary: "Synchronized 0 of 1,000 records.", jobID: 3, problems: problems))
        var frame = Renderer.render(state)
        #expect(frame.text.contains("C00001 Name") && !frame.text.contains("C00040 Name"))
        #expect(frame.text.contains("more · Enter opens job 3"))
        for _ in 0..<3 { _ = Reducer.reduce(&state, .key(.pageDown)) }
        frame = Renderer.render(state)
        #expect(frame.text.contains("C00040 Name") && frame.text.contains("… and 960 more"))
        #expect(!frame.text.contains("C00001 Name"))
        _ = Reducer.reduce(&state, .key(.up))
        guard case .result(let scrolled)? = state.modal else { Issue.record("result closed"); return }
        #expect(scrolled.scroll < problems.count - 1)
    }

    @Test func anOverwriteThePolicyAllowsIsNamedInThePreviewAndTheResult() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let workspace = harness.opened.workspace
        var mapping = try workspace.store.mapping(named: "CUSTOMER")
        mapping.updateConflict = .sendERP
        try workspace.store.save(mapping)
        // Adatum's city changed on both sides since the last sync; the policy sends the ERP's.
        try edit("C00090", city: "Kiel", harness)
        let adatum = try harness.customer("C00090")
        let coupling = try #require(try workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: adatum.id))
        let accounts = try harness.opened.table("account", on: .crm)
        let account = try #require(try accounts.record(id: coupling.crmID))
        try accounts.write(.update(id: account.id, fields: ["address1_city": "Cambridge"], expected: account.modifiedAt))
        // Two rows selected (a several-record sync is where the policy decides), then preview.
        harness.focus("C00090")
        harness.model.press(.space, .space, .character("s"), .character("p"))
        guard case .preview(let preview)? = harness.state.modal else { Issue.record("no preview"); return }
        #expect(preview.lines.contains { $0.contains("address1_city: Cambridge → Kiel — overwrites a change made in the CRM since the last sync") })
        #expect(preview.summary.contains("1 field will overwrite a change made at the destination since the last sync."))
        harness.model.press(.enter)
        guard case .result(let result)? = harness.state.modal else { Issue.record("no result"); return }
        #expect(result.problems.contains { $0.contains("overwrote CRM address1_city \"Cambridge\" with \"Kiel\"") })
    }

    @Test func theMatchDialogAtSixtyBySixteenKeepsItsFrameOptionsAndCursorInView() throws {
        let harness = try Harness(size: Size(width: 60, height: 16))
        defer { harness.remove() }
        harness.model.press(.character("m"))
        guard case .match(let dialog)? = harness.state.modal else { Issue.record("no match dialog"); return }
        #expect(dialog.fields.count > 6)
        for step in 0..<dialog.rowCount {
            let frame = harness.model.frame
            let text = frame.text
            #expect(text.contains("[ Match ]") && text.contains("Create new if no match") && text.contains("Synchronize after coupling"),
                    "step \(step):\n\(text)")
            // The box is whole: its bottom border is one unbroken line under the options.
            #expect(frame.lines.contains { $0.contains("└") && $0.contains("┘") && !$0.contains("[") }, "step \(step):\n\(text)")
            if step < dialog.fields.count {
                let field = dialog.fields[step]
                // The focused row inside the box (the pane heading behind it is focused too: skip its rows).
                let focused = (3..<frame.size.height - 2).first { row in frame.styleLine(row).dropFirst(3).prefix(50).contains("F") }
                let row = try #require(focused, "no focused row at step \(step)")
                #expect(frame.lines[row].contains(field.erpField), "step \(step):\n\(text)")
            }
            harness.model.press(.down)
        }
    }

    /// Business Central's *Synchronize modified records*, on a page: only the pairs changed since their
    /// last sync are taken (issue 10: cost that follows the change).
    @Test func synchronizeModifiedRecordsTakesOnlyWhatChangedSinceTheLastSync() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let workspace = harness.opened.workspace
        _ = try SyncEngine(workspace: workspace).synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM,
                                                                         overwriteChangedDestination: true))
        try edit("C00090", city: "Kiel", harness)
        harness.model.press(.character("S"))
        guard case .syncQuestion(let dialog)? = harness.state.modal else { Issue.record("no question"); return }
        #expect(dialog.modifiedOnly)
        #expect(harness.model.frame.text.contains("the records modified since their last sync"))
        harness.model.press(.enter)
        guard case .result(let result)? = harness.state.modal else { Issue.record("no result"); return }
        let jobID = try #require(result.jobID)
        let job = try #require(try workspace.store.job(jobID))
        #expect(job.counters.modified == 1, "\(result.summary)")
        #expect(job.counters.modified + job.counters.unchanged + job.counters.skipped + job.counters.failed
                < (try workspace.store.couplingCount(mapping: "CUSTOMER")))
        let adatum = try harness.customer("C00090")
        let coupling = try #require(try workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: adatum.id))
        #expect(try harness.opened.table("account", on: .crm).record(id: coupling.crmID)?["address1_city"] == "Kiel")
    }

    @Test func theMappingsScreenEditsFiltersConstantsFieldDirectionsAndOnlyCoupled() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let store = harness.opened.workspace.store
        harness.model.press(.character("M"))
        // The ERP filter: a condition on a field the table does not have is refused in the prompt.
        harness.model.press(.character("e"))
        #expect(harness.state.context == .mappingPrompt)
        for _ in 0..<40 { harness.model.press(.backspace) }
        harness.model.type("Nope=1")
        harness.model.press(.enter)
        #expect(harness.model.frame.text.contains("Customer has no field \"Nope\"."))
        #expect(try store.mapping(named: "CUSTOMER").erpFilter == DefaultMappings.customer.erpFilter)
        for _ in 0..<6 { harness.model.press(.backspace) }
        harness.model.type("Country/Region Code=DE;Blocked=")
        harness.model.press(.enter)
        #expect(harness.state.context == .mappings)
        let filtered = try store.mapping(named: "CUSTOMER")
        #expect(filtered.erpFilter.conditions == [FilterCondition("Country/Region Code", .equals("DE")), FilterCondition("Blocked", .isBlank)])
        // The cursor field (the first) gets a constant and its own direction; then only coupled goes off.
        harness.model.press(.character("="))
        harness.model.type("ACME")
        harness.model.press(.enter, .character("f"), .character("o"))
        let changed = try store.mapping(named: "CUSTOMER")
        let first = try #require(changed.fields.first)
        #expect(first.constant == "ACME" && first.direction != DefaultMappings.customer.fields[0].direction)
        #expect(!changed.onlyCoupled)
        #expect(harness.model.frame.text.contains("Creates uncoupled records") && harness.model.frame.text.contains("= \"ACME\""))
        // Esc in a prompt leaves the mapping as it is.
        harness.model.press(.character("c"))
        harness.model.type("statecode=Inactive")
        harness.model.press(.escape)
        #expect(try store.mapping(named: "CUSTOMER").crmFilter == changed.crmFilter)
    }
}
