import Testing
@testable import TandemCore

@Suite struct SynchronizeTests {
    func request(_ ids: [RecordID], _ choice: SyncChoice, force: Bool = false, side: Side = .erp,
                 mapping: String = "CUSTOMER") -> SyncRequest {
        SyncRequest(mapping: mapping, selection: .records(side, ids), choice: choice, overwriteChangedDestination: force)
    }

    @Test func aForcedTransferWritesOnlyTheDifferingFields() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum", ["City": "Berlin"])
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Potsdam"])
        let plan = try fixture.engine.preview(request([pair.erp.id], .toCRM))
        let firstRecord = try #require(plan.records.first)
        #expect(firstRecord.outcome == .write([RecordUpdate(side: .crm, recordID: pair.crm.id,
                                                                 changes: [FieldChange(field: "address1_city", oldValue: "Berlin", newValue: "Potsdam")])]))
        let result = try fixture.engine.synchronize(request([pair.erp.id], .toCRM))
        #expect(result.job.counters.modified == 1)
        #expect(try fixture.accounts.record(id: pair.crm.id)?["address1_city"] == "Potsdam")
        let changes = try fixture.store.recordChanges(result.job.id)
        #expect(changes.map(\.fields) == [[RecordChange.Field(name: "address1_city", oldValue: "Berlin", newValue: "Potsdam")]])
    }

    @Test func nothingToWriteCountsAsUnchangedAndLeavesTheRecordAlone() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        let before = try #require(try fixture.accounts.record(id: pair.crm.id))
        let result = try fixture.engine.synchronize(request([pair.erp.id], .toCRM))
        #expect(result.job.counters.unchanged == 1 && result.job.counters.modified == 0)
        #expect(try fixture.accounts.record(id: pair.crm.id)?.modifiedAt == before.modifiedAt)
    }

    @Test func successStoresTimestampsSnapshotAndJob() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.customers, pair.erp.id, ["Phone No.": "+49 30 1234"])
        let result = try fixture.engine.synchronize(request([pair.erp.id], .toCRM))
        let coupling = try #require(try fixture.couplingOf(customer: pair.erp.id))
        let crm = try #require(try fixture.accounts.record(id: pair.crm.id))
        let erp = try #require(try fixture.customers.record(id: pair.erp.id))
        #expect(coupling.crmModifiedAtLastSync == crm.modifiedAt && coupling.erpModifiedAtLastSync == erp.modifiedAt)
        #expect(coupling.lastResultToCRM?.jobID == result.job.id && coupling.lastResultToCRM?.succeeded == true)
        #expect(coupling.snapshot["Phone No."] == SnapshotValue(erp: "+49 30 1234", crm: "+49 30 1234"))
    }

    @Test func multiRecordSyncSortsTheSelectionBeforeWriting() throws {
        let fixture = Fixture()
        let clean = try fixture.coupledCustomer("C00010", "Adatum")
        let changed = try fixture.coupledCustomer("C00020", "Contoso")
        let conflicting = try fixture.coupledCustomer("C00030", "Fabrikam")
        let skipped = try fixture.coupledCustomer("C00040", "Litware")
        let lonely = try fixture.customer("C00050", "Northwind")
        try fixture.edit(fixture.customers, changed.erp.id, ["City": "Köln"])
        try fixture.edit(fixture.accounts, conflicting.crm.id, ["address1_city": "Lyon"])
        try fixture.edit(fixture.customers, conflicting.erp.id, ["City": "Paris"])
        var marked = try #require(try fixture.couplingOf(customer: skipped.erp.id))
        marked.skipped = true
        var changes = WorkspaceChanges()
        changes.couplings = [.update(marked)]
        try fixture.store.commit(changes)

        let ids = [clean.erp.id, changed.erp.id, conflicting.erp.id, skipped.erp.id, lonely.id]
        let result = try fixture.engine.synchronize(request(ids, .toCRM))
        #expect(result.summary == "Synchronized 2 of 5 records. 3 were skipped.")
        let reasons = Dictionary(uniqueKeysWithValues: result.problems.map { ($0.label, $0.message) })
        #expect(reasons["C00050 Northwind"] == "not coupled")
        #expect(reasons["C00040 Litware"] == "marked as skipped")
        #expect(reasons["C00030 Fabrikam"] == "the CRM record changed since the last sync (address1_city)")
        #expect(result.problems.first { $0.label == "C00030 Fabrikam" }?.skipReason
                == .destinationChanged(side: .crm, fields: ["address1_city"]))
        #expect(result.problems.first { $0.label == "C00050 Northwind" }?.skipReason == .notCoupled)
        #expect(try fixture.accounts.record(id: conflicting.crm.id)?["address1_city"] == "Lyon")
        #expect(try fixture.accounts.record(id: changed.crm.id)?["address1_city"] == "Köln")
    }

    @Test func aConfirmedOrForcedSyncOverwritesTheChangedDestination() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.accounts, pair.crm.id, ["address1_city": "Lyon"])
        _ = try fixture.engine.synchronize(request([pair.erp.id], .toCRM, force: true))
        #expect(try fixture.accounts.record(id: pair.crm.id)?["address1_city"] == "Berlin")
    }

    @Test func theUpdateConflictPolicyDecidesForBulkRuns() throws {
        var mapping = DefaultMappings.customer
        mapping.updateConflict = .sendERP
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.accounts, pair.crm.id, ["address1_city": "Lyon"])
        let get = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .fromCRM))
        #expect(get.job.counters.modified == 1)
        try fixture.edit(fixture.accounts, pair.crm.id, ["address1_city": "Nice"])
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Bonn"])
        let blocked = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .fromCRM))
        #expect(blocked.job.counters.skipped == 1)
        let send = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        #expect(send.job.counters.modified == 1)
        #expect(try fixture.accounts.record(id: pair.crm.id)?["address1_city"] == "Bonn")
    }

    @Test func anOverwriteThePolicyAllowsIsNamedInThePlanTheResultAndTheJob() throws {
        var mapping = DefaultMappings.customer
        mapping.updateConflict = .sendERP
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        let quiet = try fixture.coupledCustomer("C00020", "Fabrikam")
        try fixture.edit(fixture.accounts, pair.crm.id, ["address1_city": "Lyon", "telephone1": "+33 1"])
        try fixture.edit(fixture.customers, pair.erp.id, ["Phone No.": "+49 1", "E-Mail": "sales@adatum.com"])
        try fixture.edit(fixture.customers, quiet.erp.id, ["City": "Potsdam"])
        let all = SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM)

        let plan = try fixture.engine.preview(all)
        let adatum = try #require(plan.records.first { $0.erpID == pair.erp.id })
        let expected = [
            RecordPlan.PlannedChange(side: .crm, recordID: pair.crm.id,
                                     change: FieldChange(field: "telephone1", oldValue: "+33 1", newValue: "+49 1")),
            RecordPlan.PlannedChange(side: .crm, recordID: pair.crm.id,
                                     change: FieldChange(field: "address1_city", oldValue: "Lyon", newValue: "Berlin")),
        ]
        #expect(Set(adatum.overwritten.map(\.change.field)) == ["telephone1", "address1_city"])
        #expect(adatum.overwritten.count == 2 && expected.allSatisfy(adatum.overwritten.contains))
        // The e-mail changed on the ERP only: written, but nothing of the CRM's is lost with it.
        #expect(adatum.plannedChanges.contains { $0.change.field == "emailaddress1" })
        #expect(!adatum.overwritten.contains { $0.change.field == "emailaddress1" })
        #expect(plan.records.first { $0.erpID == quiet.erp.id }?.overwritten == [])
        #expect(plan.counts.overwritten == 2)

        let result = try fixture.engine.synchronize(all)
        #expect(result.job.counters.modified == 2 && result.job.counters.overwritten == 2)
        let named = try #require(result.overwrites.first)
        #expect(result.overwrites.count == 1 && named.label == "C00010 Adatum" && named.crmID == pair.crm.id)
        #expect(named.changes.count == 2 && expected.allSatisfy(named.changes.contains))
        #expect(result.summary.contains("Overwrote 2 changes made in the CRM since the last sync."))
        #expect(try fixture.store.job(result.job.id)?.counters.overwritten == 2)
    }

    @Test func aPairNeverSynchronizedHasNoChangeOfItsOwnToOverwrite() throws {
        var mapping = DefaultMappings.customer
        mapping.updateConflict = .sendERP
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let erp = try fixture.customer("C00010", "Adatum")
        let crm = try fixture.account("Adatum")
        _ = try fixture.coupling.couple(mapping: "CUSTOMER", erpID: erp.id, crmID: crm.id, sync: .no)
        let plan = try fixture.engine.preview(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        let record = try #require(plan.records.first)
        #expect(record.changeCount > 0 && record.overwritten.isEmpty)
    }

    @Test func aMappingNotOnlyForCoupledRecordsCreatesAndCouplesTheUncoupledOnesWithinItsFilter() throws {
        var mapping = DefaultMappings.customer
        mapping.onlyCoupled = false
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        let uncoupled = try fixture.customer("C00020", "Fabrikam", ["City": "Potsdam"])
        let blocked = try fixture.customer("C00030", "Blocked Ltd.", ["Blocked": "All"])
        let all = SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM)

        let plan = try fixture.engine.preview(all)
        let creation = try #require(plan.records.first { $0.erpID == uncoupled.id })
        #expect(creation.isCreation && creation.reason == "not coupled: creates the CRM record and couples it")
        #expect(!plan.records.contains { $0.erpID == blocked.id })
        #expect(plan.counts.changing == 1 && plan.counts.unchanged == 1)

        let result = try fixture.engine.synchronize(all)
        #expect(result.job.counters.inserted == 1 && result.job.counters.coupled == 1 && result.job.counters.unchanged == 1)
        #expect(result.selected == 2 && result.summary.hasPrefix("Synchronized 2 of 2 records."))
        let coupling = try #require(try fixture.couplingOf(customer: uncoupled.id))
        #expect(try fixture.accounts.record(id: coupling.crmID)?["address1_city"] == "Potsdam")
        #expect(try fixture.couplingOf(customer: blocked.id) == nil)
        #expect(try fixture.couplingOf(customer: pair.erp.id)?.crmID == pair.crm.id)
        #expect(try fixture.accounts.count(search: nil) == 2)

        let again = try fixture.engine.synchronize(all)
        #expect(again.job.counters.inserted == 0 && again.job.counters.unchanged == 2)
        #expect(try fixture.accounts.count(search: nil) == 2)
    }

    @Test func theDefaultSynchronizesOnlyCoupledRecords() throws {
        let fixture = Fixture()
        #expect(try fixture.store.mapping(named: "CUSTOMER").onlyCoupled)
        _ = try fixture.coupledCustomer("C00010", "Adatum")
        let uncoupled = try fixture.customer("C00020", "Fabrikam")
        let result = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        #expect(result.job.counters.inserted == 0 && result.selected == 1)
        #expect(try fixture.couplingOf(customer: uncoupled.id) == nil && fixture.accounts.count(search: nil) == 1)
    }

    @Test func anUncoupledRecordAnotherJobIsCreatingIsNotCreatedTwice() throws {
        var mapping = DefaultMappings.customer
        mapping.onlyCoupled = false
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let erp = try fixture.customer("C00020", "Fabrikam")
        let other = try fixture.workspace.beginJob(.coupling, mapping: "CUSTOMER")
        var claim = WorkspaceChanges(jobID: other.id)
        claim.couplings = [.intend(CreationIntent(newID: .generate(), mapping: "CUSTOMER", side: .crm, sourceID: erp.id,
                                                  jobID: other.id), replacing: nil)]
        try fixture.store.commit(claim)
        let result = try fixture.engine.synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        #expect(result.job.counters.inserted == 0 && result.job.counters.changedElsewhere == 1)
        #expect(result.problems.map(\.failure) == [.claimedByJob(other.id)])
        #expect(try fixture.accounts.count(search: nil) == 0)
    }

    @Test func mergeTakesEachFieldFromTheSideThatChangedIt() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.customers, pair.erp.id, ["Phone No.": "+49 1"])
        try fixture.edit(fixture.accounts, pair.crm.id, ["websiteurl": "https://adatum.example"])
        let result = try fixture.engine.synchronize(request([pair.erp.id], .merge))
        #expect(result.job.counters.modified == 1)
        #expect(try fixture.accounts.record(id: pair.crm.id)?["telephone1"] == "+49 1")
        #expect(try fixture.customers.record(id: pair.erp.id)?["Home Page"] == "https://adatum.example")
        let coupling = try #require(try fixture.couplingOf(customer: pair.erp.id))
        #expect(coupling.lastResultToCRM?.succeeded == true && coupling.lastResultFromCRM?.succeeded == true)
    }

    @Test func mergeStopsOnTrueConflictsUntilEachIsResolved() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.customers, pair.erp.id, ["E-Mail": "sales@adatum.com", "Phone No.": "+49 2"])
        try fixture.edit(fixture.accounts, pair.crm.id, ["emailaddress1": "contact@adatum.com"])
        let stopped = try fixture.engine.synchronize(request([pair.erp.id], .merge))
        #expect(stopped.job.counters.skipped == 1)
        let firstProblem = try #require(stopped.problems.first)
        #expect(firstProblem.message == "changed on both sides: E-Mail: ERP \"sales@adatum.com\" ≠ CRM \"contact@adatum.com\"")
        #expect(try fixture.accounts.record(id: pair.crm.id)?["telephone1"] == "")

        var resolved = request([pair.erp.id], .merge)
        resolved.resolutions = ["E-Mail": .crm]
        _ = try fixture.engine.synchronize(resolved)
        #expect(try fixture.customers.record(id: pair.erp.id)?["E-Mail"] == "contact@adatum.com")
        #expect(try fixture.accounts.record(id: pair.crm.id)?["telephone1"] == "+49 2")
    }

    @Test func theSameValueOnBothSidesIsNoConflict() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Bremen"])
        try fixture.edit(fixture.accounts, pair.crm.id, ["address1_city": "Bremen"])
        let check = try fixture.engine.check(mapping: "CUSTOMER", side: .erp, id: pair.erp.id)
        #expect(check.conflicts.isEmpty)
    }

    @Test func lookupsTranslateThroughTheCustomerCouplings() throws {
        let fixture = Fixture()
        let first = try fixture.coupledCustomer("C00010", "Adatum")
        let second = try fixture.coupledCustomer("C00020", "Contoso")
        let person = try fixture.erpContact("CT0010", first: "Ana", last: "Silva", company: "C00010")
        let made = try fixture.coupling.createNew(mapping: "CONTACT", side: .erp, ids: [person.id])
        let firstOutcome = try #require(made.outcomes.first)
        let crmID = try #require(firstOutcome.crmID)
        try fixture.edit(fixture.erpContacts, person.id, ["Company No.": "C00020"])
        _ = try fixture.engine.synchronize(request([person.id], .toCRM, mapping: "CONTACT"))
        #expect(try fixture.crmContacts.record(id: crmID)?["parentcustomerid"] == second.crm.id.rawValue)
        try fixture.edit(fixture.crmContacts, crmID, ["parentcustomerid": first.crm.id.rawValue])
        _ = try fixture.engine.synchronize(request([person.id], .fromCRM, mapping: "CONTACT"))
        #expect(try fixture.erpContacts.record(id: person.id)?["Company No."] == "C00010")
    }

    @Test func anUncoupledLookupFailsTheRecordWithAClearMessage() throws {
        let fixture = Fixture()
        try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.customer("C00099", "Uncoupled")
        let person = try fixture.erpContact("CT0010", first: "Ana", last: "Silva", company: "C00010")
        _ = try fixture.coupling.createNew(mapping: "CONTACT", side: .erp, ids: [person.id])
        try fixture.edit(fixture.erpContacts, person.id, ["Company No.": "C00099"])
        let result = try fixture.engine.synchronize(request([person.id], .toCRM, mapping: "CONTACT"))
        #expect(result.job.counters.failed == 1)
        let firstProblem = try #require(result.problems.first)
        #expect(firstProblem.message == "Company No. \"C00099\" refers to a record that is not coupled; couple it first.")
        let errors = try fixture.store.jobErrors(result.job.id)
        try #require(errors.count == 1)
        let firstError = try #require(errors.first)
        #expect(firstError.sourceID == person.id && firstError.sourceSide == .erp)
    }

    @Test(arguments: [DeletionConflictPolicy.none, .removeCoupling, .restore])
    func theDeletionPolicyDecidesAboutADeletedCounterpart(_ policy: DeletionConflictPolicy) throws {
        var mapping = DefaultMappings.customer
        mapping.deletionConflict = policy
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.accounts.deleteAsUser(pair.crm.id)
        let result = try fixture.engine.synchronize(request([pair.erp.id], .toCRM))
        let coupling = try fixture.couplingOf(customer: pair.erp.id)
        switch policy {
        case .none:
            #expect(result.job.counters.failed == 1)
            let firstProblem = try #require(result.problems.first)
            #expect(firstProblem.message.hasPrefix("Coupled to a deleted record"))
            #expect(coupling?.lastResultToCRM?.succeeded == false)
        case .removeCoupling:
            #expect(result.job.counters.uncoupled == 1 && coupling == nil)
        case .restore:
            #expect(result.job.counters.inserted == 1)
            let restoredID = try #require(coupling?.crmID)
            let restored = try #require(try fixture.accounts.record(id: restoredID))
            #expect(restored["name"] == "Adatum" && restored.id != pair.crm.id)
        }
    }

    @Test func aFailingRecordNeverAbortsTheJobAndIsLoggedWithSourceAndDestination() throws {
        let (fixture, faulty) = Fixture.withFaultyAccounts()
        let pairs = try (1...4).map { try fixture.coupledCustomer("C0000\($0)", "Company \($0)") }
        for pair in pairs { try fixture.edit(fixture.customers, pair.erp.id, ["City": "Wien"]) }
        faulty.failingIDs = [pairs[2].crm.id]
        let result = try fixture.engine.synchronize(request(pairs.map(\.erp.id), .toCRM))
        #expect(result.summary == "Synchronized 3 of 4 records. 1 failed.")
        #expect(try fixture.accounts.record(id: pairs[2].crm.id)?["address1_city"] == "Berlin")
        #expect(try fixture.accounts.record(id: pairs[3].crm.id)?["address1_city"] == "Wien")
        let error = try #require(try fixture.store.jobErrors(result.job.id).first)
        #expect(error.sourceID == pairs[2].erp.id && error.destinationID == pairs[2].crm.id)
        #expect(error.reason == .unknownField(side: .crm, field: "rejected by the CRM"))
        // The same failure in the next job marks the coupling skipped; retry clears it.
        _ = try fixture.engine.synchronize(request([pairs[2].erp.id], .toCRM))
        #expect(try fixture.couplingOf(customer: pairs[2].erp.id)?.skipped == true)
        faulty.failingIDs = []
        #expect(try fixture.jobLog.retry(mapping: "CUSTOMER", erpIDs: [pairs[2].erp.id]) == 1)
        let retried = try fixture.engine.synchronize(request([pairs[2].erp.id], .toCRM))
        #expect(retried.job.counters.modified == 1)
    }

    @Test func batchesWriteEachSideOncePerBatch() throws {
        let (fixture, faulty) = Fixture.withFaultyAccounts()
        let erpIDs = try (1...25).map { index -> RecordID in
            let erp = try fixture.customer(String(format: "C%05d", index), "Company \(index)")
            try fixture.account("Company \(index)")
            return erp.id
        }
        _ = try MatchCoupler(workspace: fixture.workspace).match(mapping: "CUSTOMER", options: MatchOptions(criteria: MatchCriteria(defaultsOf: DefaultMappings.customer)))
        var engine = fixture.engine
        engine.batchSize = 10
        // Never synchronized counts as changed: a bulk run will not overwrite these silently…
        let cautious = try engine.synchronize(request(erpIDs, .toCRM))
        #expect(cautious.job.counters.skipped == 25)
        #expect(cautious.problems.allSatisfy { $0.message.hasPrefix("the pair was never synchronized and differs in") })
        // …but it will when asked to.
        let before = faulty.applyCalls
        var reports: [SyncProgress] = []
        let result = try engine.synchronize(request(erpIDs, .toCRM, force: true)) { reports.append($0); return true }
        #expect(result.job.counters.modified == 25)
        #expect(faulty.applyCalls - before == 3)
        #expect(reports.map(\.done) == [10, 20, 25])
    }

    @Test func cancellingStopsBetweenBatches() throws {
        let fixture = Fixture()
        let pairs = try (1...6).map { try fixture.coupledCustomer("C0000\($0)", "Company \($0)") }
        for pair in pairs { try fixture.edit(fixture.customers, pair.erp.id, ["City": "Graz"]) }
        var engine = fixture.engine
        engine.batchSize = 2
        let result = try engine.synchronize(request(pairs.map(\.erp.id), .toCRM)) { _ in false }
        #expect(result.cancelled && result.job.counters.modified == 2)
        #expect(try fixture.accounts.record(id: pairs[5].crm.id)?["address1_city"] == "Berlin")
        #expect(result.summary.hasSuffix("Cancelled before the end."))
    }

    @Test func previewWritesNothingAndApplyingItRefusesRecordsChangedSince() throws {
        let fixture = Fixture()
        let first = try fixture.coupledCustomer("C00010", "Adatum")
        let second = try fixture.coupledCustomer("C00020", "Contoso")
        for pair in [first, second] { try fixture.edit(fixture.customers, pair.erp.id, ["City": "Linz"]) }
        let plan = try fixture.engine.preview(request([first.erp.id, second.erp.id], .toCRM))
        #expect(plan.recordsToChange == 2)
        #expect(try fixture.accounts.record(id: first.crm.id)?["address1_city"] == "Berlin")
        #expect(try fixture.store.jobs(limit: 10).allSatisfy { $0.type != .synchronization })
        try fixture.edit(fixture.accounts, second.crm.id, ["telephone1": "+43 1"])
        let result = try fixture.engine.apply(plan)
        #expect(result.job.counters.modified == 1 && result.job.counters.changedElsewhere == 1)
        #expect(result.job.counters.failed == 0)
        // Left alone, not failed: the coupling's failure streak is untouched and the next run plans it again.
        #expect(try fixture.couplingOf(customer: second.erp.id)?.consecutiveFailures == 0)
        let firstProblem = try #require(result.problems.first)
        #expect(firstProblem.message == "The record changed after the preview; preview again.")
        #expect(try fixture.accounts.record(id: second.crm.id)?["address1_city"] == "Berlin")
    }

    @Test func aPlanDescribesEachRecordAndCountsForEveryFrontEnd() throws {
        var mapping = DefaultMappings.customer
        mapping.deletionConflict = .restore
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let changed = try fixture.coupledCustomer("C00010", "Adatum")
        let same = try fixture.coupledCustomer("C00020", "Contoso")
        let gone = try fixture.coupledCustomer("C00030", "Fabrikam")
        let lonely = try fixture.customer("C00040", "Litware")
        try fixture.edit(fixture.customers, changed.erp.id, ["City": "Kiel", "Phone No.": "1"])
        try fixture.accounts.deleteAsUser(gone.crm.id)
        let plan = try fixture.engine.preview(request([changed.erp.id, same.erp.id, gone.erp.id, lonely.id], .toCRM))
        #expect(plan.records.map(\.action) == [.write, .unchanged, .restore, .skip])
        #expect(plan.records.map(\.reason) == [nil, nil, "re-creates the deleted CRM record", "not coupled"])
        let firstRecord = try #require(plan.records.first)
        #expect(firstRecord.plannedChanges.map(\.change.field).sorted() == ["address1_city", "telephone1"])
        #expect(plan.counts == SyncPlan.Counts(records: 4, changing: 2, fields: 2, unchanged: 1, skipped: 1, failing: 0))
    }

    @Test func directionsTheMappingForbidsAreRefused() throws {
        var mapping = DefaultMappings.customer
        mapping.direction = .toCRM
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        #expect(throws: TandemError.directionNotAllowed(mapping: "CUSTOMER", direction: "fromCRM")) {
            try fixture.engine.synchronize(request([pair.erp.id], .fromCRM))
        }
    }
}
