import Testing
@testable import TandemCore

@Suite struct UndoTests {
    @Test func undoRestoresEveryFieldTheJobWrote() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum", ["City": "Berlin", "Phone No.": "1"])
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Kiel", "Phone No.": "2"])
        let job = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, [pair.erp.id]), choice: .toCRM)).job
        fixture.clock.advance()
        let undo = try JobUndoer(workspace: fixture.workspace).undo(job.id)
        #expect(undo.restored.count == 1 && undo.refused.isEmpty)
        let crm = try #require(try fixture.accounts.record(id: pair.crm.id))
        #expect(crm["address1_city"] == "Berlin" && crm["telephone1"] == "1")
        #expect(try fixture.store.job(job.id)?.undoneBy == undo.job.id)
        #expect(throws: TandemError.jobAlreadyUndone(job.id, by: undo.job.id)) {
            try JobUndoer(workspace: fixture.workspace).undo(job.id)
        }
        // The undone CRM record is not mistaken for a user's change: a bulk send goes through again.
        let again = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        #expect(again.job.counters.modified == 1)
    }

    @Test func undoPutsTheCouplingBackAsTheJobFoundIt() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum", ["City": "Berlin"])
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Kiel"])
        let before = try #require(try fixture.couplingOf(customer: pair.erp.id))
        let erp = try #require(try fixture.customers.record(id: pair.erp.id))
        #expect(CouplingStatus.of(erp, on: .erp, coupling: before, mapping: DefaultMappings.customer,
                                  schema: StandardTables.customer) == .changed)
        let job = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, [pair.erp.id]),
                                                             choice: .toCRM)).job
        let synced = try #require(try fixture.couplingOf(customer: pair.erp.id))
        #expect(CouplingStatus.of(erp, on: .erp, coupling: synced, mapping: DefaultMappings.customer,
                                  schema: StandardTables.customer) == .coupled)
        fixture.clock.advance()
        _ = try JobUndoer(workspace: fixture.workspace).undo(job.id)
        // The CRM is back to Berlin, and the pair reads as before the job: the ERP's Kiel not yet carried.
        let after = try #require(try fixture.couplingOf(customer: pair.erp.id))
        #expect(after.snapshot == before.snapshot)
        #expect(after.erpModifiedAtLastSync == before.erpModifiedAtLastSync && after.lastResultToCRM == before.lastResultToCRM)
        #expect(CouplingStatus.of(erp, on: .erp, coupling: after, mapping: DefaultMappings.customer,
                                  schema: StandardTables.customer) == .changed)
        let crm = try #require(try fixture.accounts.record(id: pair.crm.id))
        #expect(crm["address1_city"] == "Berlin")
        #expect(CouplingStatus.of(crm, on: .crm, coupling: after, mapping: DefaultMappings.customer,
                                  schema: StandardTables.account) == .coupled)
    }

    @Test func undoRefusesRecordsChangedSinceAndSaysSo() throws {
        let fixture = Fixture()
        let first = try fixture.coupledCustomer("C00010", "Adatum")
        let second = try fixture.coupledCustomer("C00020", "Contoso")
        for pair in [first, second] { try fixture.edit(fixture.customers, pair.erp.id, ["City": "Kiel"]) }
        let job = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM)).job
        try fixture.edit(fixture.accounts, second.crm.id, ["telephone1": "+49 9"])
        let undo = try JobUndoer(workspace: fixture.workspace).undo(job.id)
        #expect(undo.restored.map(\.crmID) == [first.crm.id])
        #expect(undo.refused.map(\.crmID) == [second.crm.id])
        let firstRefusal = try #require(undo.refused.first)
        #expect(firstRefusal.message.contains("changed after job \(job.id)"))
        #expect(try fixture.accounts.record(id: second.crm.id)?["address1_city"] == "Kiel")
        #expect(try fixture.accounts.record(id: first.crm.id)?["address1_city"] == "Berlin")
    }

    @Test func undoingACreateDeletesTheRecordAndItsCoupling() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Adatum")
        let made = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .erp, ids: [erp.id])
        let undo = try JobUndoer(workspace: fixture.workspace).undo(made.job.id)
        #expect(undo.restored.count == 1)
        #expect(try fixture.accounts.count(search: nil) == 0)
        #expect(try fixture.couplingOf(customer: erp.id) == nil)
    }

    @Test func jobsThatWroteNothingCannotBeUndone() throws {
        let fixture = Fixture()
        let lonely = try fixture.customer("C00010", "Adatum")
        let job = try fixture.coupling.uncouple(mapping: "CUSTOMER", side: .erp, ids: [lonely.id]).job
        #expect(throws: TandemError.jobNotUndoable(job.id, type: .uncoupling)) {
            try JobUndoer(workspace: fixture.workspace).undo(job.id)
        }
        #expect(throws: TandemError.jobNotFound(999)) { try JobUndoer(workspace: fixture.workspace).undo(999) }
    }
}
