import Testing
@testable import TandemCore

/// The forms that walk a whole selection or job hand it out a batch at a time and keep only counts
/// (plus a bounded sample), whatever the size.
@Suite struct StreamingTests {
    /// Seven coupled customers, each changed in the ERP since the last sync.
    func sevenChangedPairs(_ fixture: Fixture) throws -> [(erp: Record, crm: Record)] {
        try (1...7).map { index in
            let pair = try fixture.coupledCustomer(String(format: "C%05d", index * 10), "Customer \(index)", ["City": "Berlin"])
            try fixture.edit(fixture.customers, pair.erp.id, ["City": "Kiel \(index)"])
            return pair
        }
    }

    @Test func aPreviewHandsOutEachBatchAndReturnsOnlyCounts() throws {
        let fixture = Fixture()
        let pairs = try sevenChangedPairs(fixture)
        let lonely = try fixture.customer("C00990", "Alone")
        let jobsBefore = try fixture.store.jobs(limit: 100)
        var engine = fixture.engine
        engine.batchSize = 3
        for selection in [RecordSelection.allCoupled, .records(.erp, pairs.map(\.erp.id) + [lonely.id])] {
            var batches: [Int] = []
            let counts = try engine.preview(SyncRequest(mapping: "CUSTOMER", selection: selection, choice: .toCRM)) { plans in
                batches.append(plans.count)
            }
            let expected = selection == .allCoupled ? [3, 3, 1] : [3, 3, 2]
            #expect(batches == expected)
            #expect(counts.records == expected.reduce(0, +) && counts.changing == 7 && counts.fields == 7)
            #expect(counts.skipped == (selection == .allCoupled ? 0 : 1) && counts.unchanged == 0 && counts.failing == 0)
        }
        #expect(try fixture.store.jobs(limit: 100) == jobsBefore)
    }

    @Test func aHeldPreviewKeepsTheFirstPlansAndAFingerprintOfEach() throws {
        let fixture = Fixture()
        _ = try sevenChangedPairs(fixture)
        var engine = fixture.engine
        engine.batchSize = 3
        let preview = try engine.preview(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM), keeping: 4)
        #expect(preview.shown.count == 4 && preview.fingerprints.count == 7 && preview.counts.records == 7)
        #expect(preview.hidden == 3 && !preview.isComplete)
        #expect(preview.fingerprints[0] == SyncPreview.fingerprint(preview.shown[0]))
    }

    @Test func applyingAHeldPreviewRefusesRecordsChangedAfterItEvenBeyondTheShownOnes() throws {
        let fixture = Fixture()
        let pairs = try sevenChangedPairs(fixture)
        var engine = fixture.engine
        engine.batchSize = 3
        let request = SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, pairs.map(\.erp.id)), choice: .toCRM)
        let preview = try engine.preview(request, keeping: 2)
        // After the preview: one shown record and one counted-only record change in the ERP.
        fixture.clock.advance()
        try fixture.edit(fixture.customers, pairs[1].erp.id, ["City": "Hamburg"])
        try fixture.edit(fixture.customers, pairs[5].erp.id, ["City": "Bremen"])
        let result = try engine.apply(preview)
        #expect(result.job.counters.modified == 5 && result.job.counters.changedElsewhere == 2)
        #expect(Set(result.problems.compactMap(\.erpID)) == [pairs[1].erp.id, pairs[5].erp.id])
        #expect(result.problems.allSatisfy { $0.message == "The record changed after the preview; preview again." })
        #expect(try fixture.accounts.record(id: pairs[5].crm.id)?["address1_city"] == "Berlin")
        #expect(try fixture.accounts.record(id: pairs[6].crm.id)?["address1_city"] == "Kiel 7")
    }

    @Test func applyingAWholeHeldPreviewWritesExactlyItsPlans() throws {
        let fixture = Fixture()
        let pairs = try sevenChangedPairs(fixture)
        let request = SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, pairs.map(\.erp.id)), choice: .toCRM)
        let preview = try fixture.engine.preview(request, keeping: 100)
        #expect(preview.isComplete)
        let result = try fixture.engine.apply(preview)
        #expect(result.job.counters.modified == 7 && result.problems.isEmpty)
    }

    @Test func aSyncListsAtMostTheProblemLimitAndCountsEveryProblem() throws {
        let fixture = Fixture()
        let lonely = try (1...5).map { try fixture.customer(String(format: "C%05d", $0), "Alone \($0)") }
        var engine = fixture.engine
        engine.batchSize = 2
        engine.problemLimit = 3
        let result = try engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, lonely.map(\.id)),
                                                        choice: .toCRM))
        #expect(result.problems.map(\.erpID) == lonely.prefix(3).map(\.id))
        #expect(result.job.counters.skipped == 5 && result.unlistedProblems == 2)
        #expect(result.summary == "Synchronized 0 of 5 records. 5 were skipped.")
    }

    @Test func undoPagesThroughTheLogAndRestoresEveryRecordAcrossBatches() throws {
        let fixture = Fixture()
        let pairs = try sevenChangedPairs(fixture)
        let job = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM)).job
        fixture.clock.advance()
        try fixture.edit(fixture.accounts, pairs[4].crm.id, ["telephone1": "+49 5"])
        var undoer = JobUndoer(workspace: fixture.workspace)
        undoer.batchSize = 2
        undoer.sampleLimit = 3
        let undo = try undoer.undo(job.id)
        #expect(undo.restoredCount == 6 && undo.refusedCount == 1)
        #expect(undo.restored.count == 3 && undo.refused.map(\.crmID) == [pairs[4].crm.id])
        #expect(undo.job.counters.modified == 6 && undo.job.counters.skipped == 1)
        for (index, pair) in pairs.enumerated() {
            let city = try fixture.accounts.record(id: pair.crm.id)?["address1_city"]
            #expect(city == (index == 4 ? "Kiel 5" : "Berlin"))
        }
        #expect(try fixture.store.job(job.id)?.undoneBy == undo.job.id)
        #expect(try fixture.store.recordChangeCount(undo.job.id) == 6)
    }
}
