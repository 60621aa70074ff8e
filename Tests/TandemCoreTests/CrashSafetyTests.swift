import Testing
@testable import TandemCore

@Suite struct CrashSafetyTests {
    @Test func aCrashBetweenCreatedAndCoupledNeverDuplicatesTheRecord() throws {
        let (fixture, faulty) = Fixture.withFaultyAccounts()
        let erp = try fixture.customer("C00010", "Adatum")
        faulty.failAfterWriting = true
        // The CRM write lands, then the process "dies" before the coupling is committed.
        let crashed = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .erp, ids: [erp.id])
        let firstOutcome = try #require(crashed.outcomes.first)
        #expect(firstOutcome.status == .failed)
        #expect(try fixture.accounts.count(search: nil) == 1)
        #expect(try fixture.couplingOf(customer: erp.id) == nil)
        #expect(try fixture.store.creationIntents(mapping: "CUSTOMER").count == 1)

        faulty.failAfterWriting = false
        let retried = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .erp, ids: [erp.id])
        let retriedOutcome = try #require(retried.outcomes.first)
        #expect(retriedOutcome.message == "The record is already coupled.")
        #expect(try fixture.accounts.count(search: nil) == 1)
        let account = try #require(try fixture.accounts.page(search: nil, from: .first, limit: 1).first)
        #expect(try fixture.couplingOf(customer: erp.id)?.crmID == account.id)
        #expect(try fixture.store.creationIntents(mapping: "CUSTOMER").isEmpty)
    }

    @Test func anIntentWhoseCreateNeverHappenedIsDropped() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Adatum")
        let job = try fixture.store.startJob(NewJob(type: .coupling, mapping: "CUSTOMER", direction: nil,
                                                    startedAt: fixture.clock.now()))
        var changes = WorkspaceChanges(jobID: job.id)
        changes.couplings = [.intend(CreationIntent(newID: .generate(), mapping: "CUSTOMER", side: .crm, sourceID: erp.id,
                                                    jobID: job.id), replacing: nil)]
        try fixture.store.commit(changes)
        #expect(try IntentRecovery.recover(mapping: DefaultMappings.customer, in: fixture.workspace) == 0)
        #expect(try fixture.store.creationIntents(mapping: "CUSTOMER").isEmpty)
        #expect(try fixture.couplingOf(customer: erp.id) == nil)
    }
}
