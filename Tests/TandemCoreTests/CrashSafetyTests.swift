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

    @Test func aCreateLostOnAServiceThatAssignsItsOwnIdsIsCoupledByItsNumberNotMadeTwice() throws {
        var assigning: IDAssigningRecordSource?
        let fixture = Fixture(wrapCustomers: { base in
            let wrapped = IDAssigningRecordSource(base)
            assigning = wrapped
            return wrapped
        })
        let service = try #require(assigning)
        let account = try fixture.account("Adatum")
        service.loseAnswers = true
        // The customer lands in the ERP under an id the ERP chose; the answer never comes back.
        let crashed = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .crm, ids: [account.id])
        #expect(crashed.outcomes.first?.status == .failed)
        #expect(try fixture.customers.count(search: nil) == 1)
        let intent = try #require(try fixture.store.creationIntents(mapping: "CUSTOMER").first)
        let made = try #require(try fixture.customers.page(search: nil, from: .first, limit: 1).first)
        #expect(made.id != intent.newID && intent.number == made["No."])

        service.loseAnswers = false
        let retried = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .crm, ids: [account.id])
        #expect(retried.outcomes.first?.message == "The record is already coupled.")
        #expect(try fixture.customers.count(search: nil) == 1)
        #expect(try fixture.store.coupling(mapping: "CUSTOMER", side: .crm, id: account.id)?.erpID == made.id)
        #expect(try fixture.store.creationIntents(mapping: "CUSTOMER").isEmpty)
    }
}
