import Testing
@testable import TandemCore

@Suite struct JobLogTests {
    @Test func jobsKeepTypeMappingDirectionTimesCountersAndMessage() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Kiel"])
        let result = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        let job = try #require(try fixture.store.jobs(limit: 1).first)
        #expect(job.id == result.job.id && job.type == .synchronization && job.mapping == "CUSTOMER" && job.direction == .toCRM)
        #expect(job.finishedAt != nil && job.counters.modified == 1)
        #expect(job.message == "Synchronized 1 of 1 record.")
        let ids = try fixture.store.jobs(limit: 10).map(\.id)
        #expect(ids == ids.sorted(by: >) && ids.count == 2)
    }

    @Test func jobsNameTheirDirection() {
        let start = Timestamp(milliseconds: 0)
        #expect(SyncJob(id: 1, type: .synchronization, mapping: "CUSTOMER", direction: .toCRM, startedAt: start).caption == "CUSTOMER → CRM")
        #expect(SyncJob(id: 2, type: .synchronization, mapping: "CONTACT", direction: .fromCRM, startedAt: start).caption == "CONTACT ← CRM")
        #expect(SyncJob(id: 3, type: .synchronization, mapping: "CUSTOMER", direction: nil, startedAt: start).caption == "CUSTOMER ⇄ CRM (merge)")
        #expect(SyncJob(id: 4, type: .coupling, mapping: "CUSTOMER", direction: nil, startedAt: start).caption == "CUSTOMER")
    }

    @Test func coupledDataErrorsSayWhichSideStillExists() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.accounts.deleteAsUser(pair.crm.id)
        _ = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        let rows = try fixture.jobLog.coupledDataErrors()
        #expect(rows.count == 1)
        let firstRow = try #require(rows.first)
        #expect(firstRow.erpExists && !firstRow.crmExists && firstRow.exactlyOneSideMissing)
        #expect(firstRow.erpLabel == "C00010 Adatum" && firstRow.lastError == .coupledRecordDeleted(side: .crm, id: pair.crm.id))
        #expect(firstRow.failedOn != nil)
    }

    @Test func restoreRecordRecreatesTheMissingSide() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.accounts.deleteAsUser(pair.crm.id)
        let restored = try fixture.jobLog.restoreRecord(mapping: "CUSTOMER", erpID: pair.erp.id)
        #expect(try fixture.accounts.record(id: restored.crmID)?["name"] == "Adatum")
        #expect(try fixture.couplingOf(customer: pair.erp.id)?.crmID == restored.crmID)
        #expect(throws: TandemError.self) { try fixture.jobLog.restoreRecord(mapping: "CUSTOMER", erpID: pair.erp.id) }
    }

    @Test func deleteRecordRemovesTheSurvivorAndItsCoupling() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.customers.deleteAsUser(pair.erp.id)
        try fixture.jobLog.deleteRecord(mapping: "CUSTOMER", erpID: pair.erp.id)
        #expect(try fixture.accounts.record(id: pair.crm.id) == nil)
        #expect(try fixture.couplingOf(customer: pair.erp.id) == nil)
    }

    @Test func retryAllClearsEverySkippedCoupling() throws {
        let fixture = Fixture()
        let pairs = try (1...3).map { try fixture.coupledCustomer("C0000\($0)", "C\($0)") }
        var changes = WorkspaceChanges()
        changes.couplings = try pairs.prefix(2).map {
            var coupling = try #require(try fixture.couplingOf(customer: $0.erp.id))
            coupling.skipped = true
            return .update(coupling)
        }
        try fixture.store.commit(changes)
        #expect(try fixture.jobLog.retryAll() == 2)
        #expect(try pairs.allSatisfy { try fixture.couplingOf(customer: $0.erp.id)?.skipped == false })
    }

    @Test func cleanupKeepsFailedJobsThatSkippedCouplingsStillReferTo() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.accounts.deleteAsUser(pair.crm.id)
        let request = SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM)
        _ = try fixture.engine.synchronize(request)
        let second = try fixture.engine.synchronize(request).job
        #expect(try fixture.couplingOf(customer: pair.erp.id)?.skipped == true)
        fixture.clock.advance(milliseconds: 8 * 86_400_000)
        let deleted = try fixture.jobLog.cleanup(olderThanDays: 7)
        let left = try fixture.store.jobs(limit: 10).map(\.id)
        #expect(left == [second.id])
        #expect(deleted >= 2)
        #expect(try fixture.store.jobErrors(second.id).count == 1)
    }
}
