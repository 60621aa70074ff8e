import Testing
import TandemCore

@Suite struct ConditionalWriteTests {
    @Test func anEditMadeWhileASyncRunsIsNeverOverwrittenAndIsPlannedAgain() throws {
        var interleaving: InterleavingSource?
        let fixture = Fixture(wrapAccounts: { base in
            let wrapped = InterleavingSource(base)
            interleaving = wrapped
            return wrapped
        })
        let accounts = try #require(interleaving)
        let pairs = try (1...3).map { try fixture.coupledCustomer("C0000\($0)", "Company \($0)") }
        for pair in pairs { try fixture.edit(fixture.customers, pair.erp.id, ["City": "Wien"]) }
        // A CRM user edits the second account after the engine read it and before it writes.
        accounts.interleave { table in try table.edit(id: pairs[1].crm.id, fields: ["telephone1": "+43 1 234"]) }
        let result = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, pairs.map(\.erp.id)),
                                                                choice: .toCRM))
        #expect(result.job.counters.modified == 2 && result.job.counters.changedElsewhere == 1)
        #expect(result.job.counters.failed == 0)
        let problem = try #require(result.problems.first)
        #expect(problem.status == .changedElsewhere && problem.failure == .changedElsewhere(side: .crm))
        let kept = try #require(try fixture.accounts.record(id: pairs[1].crm.id))
        #expect(kept["telephone1"] == "+43 1 234" && kept["address1_city"] == "Berlin")
        #expect(try fixture.store.jobErrors(result.job.id).map(\.reason) == [.changedElsewhere(side: .crm)])
        // The snapshot did not move, so the next run sees both changes: a one-way pass refuses to
        // overwrite the CRM user's field, and a merge carries each change to the other side.
        let oneWay = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, [pairs[1].erp.id]),
                                                                choice: .toCRM))
        #expect(oneWay.problems.map(\.skipReason) == [.destinationChanged(side: .crm, fields: ["telephone1"])])
        let merged = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, [pairs[1].erp.id]),
                                                                choice: .merge))
        #expect(merged.job.counters.modified == 1)
        let after = try #require(try fixture.accounts.record(id: pairs[1].crm.id))
        #expect(after["telephone1"] == "+43 1 234" && after["address1_city"] == "Wien")
        #expect(try fixture.customers.record(id: pairs[1].erp.id)?["Phone No."] == "+43 1 234")
    }

    @Test func twoFailuresWithTheSameReasonSkipTheCouplingButTwoDifferentOnesDoNot() {
        var coupling = Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate())
        let at = Timestamp(milliseconds: 1)
        coupling.recordFailure(.toCRM, reason: .lookupNotCoupled(field: "Currency Code", value: "EUR"), job: 1, at: at)
        coupling.recordFailure(.toCRM, reason: .lookupNotCoupled(field: "Currency Code", value: "USD"), job: 2, at: at)
        #expect(!coupling.skipped)
        coupling.recordFailure(.toCRM, reason: .lookupNotCoupled(field: "Currency Code", value: "USD"), job: 3, at: at)
        #expect(coupling.skipped)
    }

    @Test func reasonsSurviveStorageAndOldTextReadsAsItWas() {
        let reasons: [RecordFailure] = [.changedElsewhere(side: .erp), .claimedByJob(7), .unmatched(.ambiguous(candidates: 3)),
                                        .lookupNotCoupled(field: "A\u{1B}", value: "\"{}\""), .legacy("old words")]
        for reason in reasons { #expect(RecordFailure.decode(reason.encoded) == reason) }
        #expect(RecordFailure.decode("The record could not be created.") == .legacy("The record could not be created."))
        #expect(RecordFailure.decode("{not json") == .legacy("{not json"))
    }
}
