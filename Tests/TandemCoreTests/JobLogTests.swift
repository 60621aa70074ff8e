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
