import Testing
@testable import TandemCore

/// Rules of `synchronize` that a one-line change would otherwise break silently: the order of the two
/// sides' writes in a merge, and finishing interrupted creations before planning.
@Suite struct SynchronizeOrderAndRecoveryTests {
    @Test func aMergeWritesTheCRMSideBeforeTheERPSide() throws {
        let log = RecordingSource.Log()
        let fixture = Fixture(wrapAccounts: { RecordingSource($0, side: .crm, log: log) },
                              wrapCustomers: { RecordingSource($0, side: .erp, log: log) })
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.customers, pair.erp.id, ["Phone No.": "+49 1"])
        try fixture.edit(fixture.accounts, pair.crm.id, ["websiteurl": "https://adatum.example"])
        let before = log.written.count
        let result = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, [pair.erp.id]),
                                                                choice: .merge))
        #expect(result.job.counters.modified == 1)
        #expect(Array(log.written.dropFirst(before)) == [.crm, .erp])
    }

    /// An interrupted create left an account and an intent behind; a synchronization run afterwards
    /// finishes it (couples the pair) before it plans anything.
    @Test(arguments: [false, true])
    func synchronizeFinishesAnInterruptedCreationFirst(fromPreview: Bool) throws {
        let (fixture, faulty) = Fixture.withFaultyAccounts()
        let erp = try fixture.customer("C00010", "Adatum")
        faulty.failAfterWriting = true
        let crashed = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .erp, ids: [erp.id])
        #expect(crashed.outcomes.map(\.status) == [.failed])
        faulty.failAfterWriting = false
        #expect(try fixture.couplingOf(customer: erp.id) == nil)

        let request = SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM)
        if fromPreview {
            _ = try fixture.engine.apply(try fixture.engine.preview(request))
        } else {
            _ = try fixture.engine.synchronize(request)
        }
        let account = try #require(try fixture.accounts.page(search: nil, from: .first, limit: 2).first)
        #expect(try fixture.couplingOf(customer: erp.id)?.crmID == account.id)
        #expect(try fixture.store.creationIntents(mapping: "CUSTOMER").isEmpty)
        #expect(try fixture.accounts.count(search: nil) == 1)
    }
}
