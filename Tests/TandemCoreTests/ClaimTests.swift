import Foundation
import Testing
import TandemCore
import TandemTestSupport

/// A side that lets "someone else" write between the engine's read and its write: `interleave` runs
/// once, right before the next `apply`, on the wrapped table.
final class InterleavingSource: ForwardingRecordSource, @unchecked Sendable {
    let table: InMemoryRecordSource
    private let lock = NSLock()
    private var pending: ((InMemoryRecordSource) throws -> Void)?

    init(_ table: InMemoryRecordSource) {
        self.table = table
        super.init(table)
    }

    func interleave(_ edit: @escaping (InMemoryRecordSource) throws -> Void) { lock.withLock { pending = edit } }

    override func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        let edit = lock.withLock { () -> ((InMemoryRecordSource) throws -> Void)? in
            defer { pending = nil }
            return pending
        }
        try edit?(table)
        return try base.apply(writes)
    }
}

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

@Suite struct ClaimTests {
    @Test func aRecordClaimedByARunningJobIsNeitherCreatedNorCoupledByAnother() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Adatum")
        // Another job is creating the account for this customer right now: its intent claims it.
        let other = try fixture.workspace.beginJob(.coupling, mapping: "CUSTOMER")
        var claim = WorkspaceChanges(jobID: other.id)
        claim.couplings = [.intend(CreationIntent(newID: .generate(), mapping: "CUSTOMER", side: .crm, sourceID: erp.id,
                                                  jobID: other.id), replacing: nil)]
        try fixture.store.commit(claim)

        let created = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .erp, ids: [erp.id])
        #expect(created.outcomes.map(\.failure) == [.claimedByJob(other.id)])
        #expect(try fixture.accounts.count(search: nil) == 0)
        let account = try fixture.account("Adatum")
        #expect(throws: TandemError.refused(.claimedByJob(other.id))) {
            try fixture.coupling.couple(mapping: "CUSTOMER", erpID: erp.id, crmID: account.id, sync: .no)
        }
        // Recovery leaves a running job's intent alone.
        #expect(try IntentRecovery.recover(mapping: DefaultMappings.customer, in: fixture.workspace) == 0)
        #expect(try fixture.store.creationIntents(mapping: "CUSTOMER").count == 1)
        #expect(try fixture.couplingOf(customer: erp.id) == nil)
    }

    @Test func anInterruptedJobIsMarkedWithWhatItCommittedAndItsIntentIsFinishedByTheNextRun() throws {
        let (fixture, faulty) = Fixture.withFaultyAccounts()
        let erp = try fixture.customer("C00010", "Adatum")
        var job = try fixture.workspace.beginJob(.coupling, mapping: "CUSTOMER", direction: .toCRM)
        job.counters.inserted = 1
        var progress = WorkspaceChanges(jobID: job.id)
        progress.updatedJobs = [job]
        let intent = CreationIntent(newID: .generate(), mapping: "CUSTOMER", side: .crm, sourceID: erp.id, jobID: job.id)
        progress.couplings = [.intend(intent, replacing: nil)]
        try fixture.store.commit(progress)
        _ = try faulty.apply([.insert(id: intent.newID, fields: ["name": "Adatum"])])
        #expect(try fixture.workspace.markInterruptedJobs().isEmpty)  // still running
        fixture.leases.abandonAll()  // the process dies: kill -9

        #expect(try fixture.workspace.markInterruptedJobs() == [job.id])
        let marked = try #require(try fixture.store.job(job.id))
        #expect(marked.interrupted && marked.finishedAt != nil && marked.counters.inserted == 1)
        let retried = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .erp, ids: [erp.id])
        #expect(retried.outcomes.map(\.failure) == [.alreadyCoupled])
        #expect(try fixture.couplingOf(customer: erp.id)?.crmID == intent.newID)
        #expect(try fixture.accounts.count(search: nil) == 1)
        #expect(try fixture.store.unfinishedJobs().isEmpty)
    }

    @Test func reCouplingReplacesOnlyThePairThatWasRead() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Adatum")
        let first = try fixture.account("Adatum One"), second = try fixture.account("Adatum Two")
        _ = try fixture.coupling.couple(mapping: "CUSTOMER", erpID: erp.id, crmID: first.id, sync: .no)
        // Someone else re-couples meanwhile; the pair this process read is gone, so nothing is re-pointed.
        let read = try #require(try fixture.couplingOf(customer: erp.id))
        _ = try fixture.coupling.couple(mapping: "CUSTOMER", erpID: erp.id, crmID: second.id, sync: .no)
        var stale = WorkspaceChanges()
        stale.couplings = [.replace(old: [read.pair], new: Coupling(mapping: "CUSTOMER", erpID: erp.id, crmID: first.id))]
        #expect(try fixture.store.commit(stale) == [0: .couplingChangedElsewhere])
        #expect(try fixture.couplingOf(customer: erp.id)?.crmID == second.id)
    }
}
