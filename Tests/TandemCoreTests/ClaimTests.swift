import Testing
import TandemCore

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
