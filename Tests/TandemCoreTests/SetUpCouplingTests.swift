import Testing
@testable import TandemCore

@Suite struct SetUpCouplingTests {
    @Test func findsByIDThenExactNameThenPrefix() throws {
        let fixture = Fixture()
        let exact = try fixture.account("Adatum")
        try fixture.account("Adatum Corporation")
        let prefixOnly = try fixture.account("Northwind Traders")
        #expect(try fixture.coupling.findCRMRecord(mapping: "CUSTOMER", reference: "adatum").id == exact.id)
        #expect(try fixture.coupling.findCRMRecord(mapping: "CUSTOMER", reference: "Northwind").id == prefixOnly.id)
        #expect(try fixture.coupling.findCRMRecord(mapping: "CUSTOMER", reference: prefixOnly.id.rawValue.uppercased()).id == prefixOnly.id)
        #expect(throws: TandemError.ambiguousName("Ada", count: 2)) {
            try fixture.coupling.findCRMRecord(mapping: "CUSTOMER", reference: "Ada")
        }
        #expect(throws: TandemError.crmRecordNameNotFound("Fabrikam")) {
            try fixture.coupling.findCRMRecord(mapping: "CUSTOMER", reference: "Fabrikam")
        }
    }

    @Test func theLookupListMarksCRMRecordsThatAreCoupledAlready() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        let free = try fixture.account("Adatum Two")
        let rows = try fixture.coupling.lookupPage(mapping: "CUSTOMER", search: "adatum", from: .first, limit: 10)
        #expect(rows.map(\.record.id) == [pair.crm.id, free.id])
        #expect(rows.map(\.coupledERPID) == [pair.erp.id, nil])
    }

    @Test func theLookupListNeverOffersARecordOutsideTheMappingsFilter() throws {
        let fixture = Fixture()
        var active: [RecordID] = []
        // Inactive accounts sort between and around the active ones, more of them than a page holds.
        for index in 0..<30 {
            let name = String(format: "Account %02d", index)
            let record = try fixture.account(name, ["statecode": index % 3 == 0 ? "Active" : "Inactive"])
            if index % 3 == 0 { active.append(record.id) }
        }
        let first = try fixture.coupling.lookupPage(mapping: "CUSTOMER", search: nil, from: .first, limit: 4)
        #expect(first.map(\.record.id) == Array(active.prefix(4)))
        let last = try #require(first.last)
        let second = try fixture.coupling.lookupPage(mapping: "CUSTOMER", search: nil,
                                                     from: .after(ListKey(last.record, schema: StandardTables.account)), limit: 4)
        #expect(second.map(\.record.id) == Array(active[4...7]))
        let end = try fixture.coupling.lookupPage(mapping: "CUSTOMER", search: nil, from: .last, limit: 4)
        #expect(end.map(\.record.id) == Array(active.suffix(4)))
        let searched = try fixture.coupling.lookupPage(mapping: "CUSTOMER", search: "account 1", from: .first, limit: 10)
        #expect(searched.map(\.record.id) == [active[4], active[5], active[6]])
        let inactive = try fixture.account("Lonely Inactive", ["statecode": "Inactive"])
        #expect(try !fixture.coupling.lookupPage(mapping: "CUSTOMER", search: "lonely", from: .first, limit: 10)
            .contains { $0.record.id == inactive.id })
    }

    @Test func draftDefaultsToERPDataForNewAndNoForCoupled() throws {
        let fixture = Fixture()
        let fresh = try fixture.customer("C00010", "Adatum")
        #expect(try fixture.coupling.draft(mapping: "CUSTOMER", erpID: fresh.id).defaultSync == .useERP)
        let pair = try fixture.coupledCustomer("C00020", "Contoso")
        let draft = try fixture.coupling.draft(mapping: "CUSTOMER", erpID: pair.erp.id)
        #expect(draft.defaultSync == .no)
        #expect(draft.currentCRMRecord?.id == pair.crm.id)
    }

    @Test func aMappingThatOnlySynchronizesFromTheCRMDefaultsToTheCRMData() throws {
        var mapping = DefaultMappings.customer
        mapping.direction = .fromCRM
        let fixture = Fixture(mappings: [mapping, DefaultMappings.contact])
        let fresh = try fixture.customer("C00010", "Adatum")
        let draft = try fixture.coupling.draft(mapping: "CUSTOMER", erpID: fresh.id)
        #expect(draft.defaultSync == .useCRM)
        // And coupling with that default goes through (the ERP data would be refused by the direction).
        let account = try fixture.account("Adatum Corp")
        let outcome = try fixture.coupling.couple(mapping: "CUSTOMER", erpID: fresh.id, crmID: account.id, sync: draft.defaultSync)
        #expect(outcome.sync?.job.direction == .fromCRM)
        #expect(try fixture.customers.record(id: fresh.id)?["Name"] == "Adatum Corp")
    }

    @Test func couplingWithERPDataWritesTheERPValuesToTheCRM() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Adatum", ["City": "Berlin", "Credit Limit": "5000"])
        let crm = try fixture.account("Adatum", ["address1_city": "Hamburg"])
        fixture.clock.advance()
        let outcome = try fixture.coupling.couple(mapping: "CUSTOMER", erpID: erp.id, crmID: crm.id, sync: .useERP)
        let updated = try #require(try fixture.accounts.record(id: crm.id))
        #expect(updated["address1_city"] == "Berlin" && updated["creditlimit"] == "5000" && updated["accountnumber"] == "C00010")
        #expect(outcome.sync?.job.counters.modified == 1)
        #expect(outcome.coupling.snapshot["City"] == SnapshotValue(erp: "Berlin", crm: "Berlin"))
        #expect(outcome.job.type == .coupling && outcome.job.counters.coupled == 1)
    }

    @Test func couplingWithCRMDataAndWithoutSync() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Adatum", ["City": "Berlin"])
        let crm = try fixture.account("Adatum", ["address1_city": "Hamburg"])
        _ = try fixture.coupling.couple(mapping: "CUSTOMER", erpID: erp.id, crmID: crm.id, sync: .no)
        #expect(try fixture.customers.record(id: erp.id)?["City"] == "Berlin")
        #expect(try fixture.accounts.record(id: crm.id)?["address1_city"] == "Hamburg")
        fixture.clock.advance()
        _ = try fixture.coupling.couple(mapping: "CUSTOMER", erpID: erp.id, crmID: crm.id, sync: .useCRM)
        #expect(try fixture.customers.record(id: erp.id)?["City"] == "Hamburg")
    }

    @Test func refusesRecordsOutsideTheFilterAndWritesNothing() throws {
        let fixture = Fixture()
        let blocked = try fixture.customer("C00010", "Adatum", ["Blocked": "All"])
        let open = try fixture.customer("C00020", "Contoso")
        let active = try fixture.account("Adatum")
        let inactive = try fixture.account("Contoso", ["statecode": "Inactive"])
        #expect(throws: TandemError.self) {
            try fixture.coupling.couple(mapping: "CUSTOMER", erpID: blocked.id, crmID: active.id)
        }
        let error = try #require(throws: TandemError.self) {
            try fixture.coupling.couple(mapping: "CUSTOMER", erpID: open.id, crmID: inactive.id)
        }
        #expect(error.description.contains("outside the mapping's filter"))
        #expect(try fixture.store.couplingCount(mapping: "CUSTOMER") == 0)
        #expect(try fixture.store.jobs(limit: 10).isEmpty)
    }

    @Test func refusesACRMRecordCoupledToAnotherExistingRecord() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        let other = try fixture.customer("C00020", "Adatum Two")
        #expect(throws: TandemError.alreadyCoupled(crmRecord: "Adatum", erpRecord: "C00010 Adatum")) {
            try fixture.coupling.couple(mapping: "CUSTOMER", erpID: other.id, crmID: pair.crm.id)
        }
        #expect(try fixture.couplingOf(customer: other.id) == nil)
    }

    @Test func removesAStaleCouplingOfADeletedERPRecordAndGoesAhead() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.customers.deleteAsUser(pair.erp.id)
        let other = try fixture.customer("C00020", "Adatum Two")
        let outcome = try fixture.coupling.couple(mapping: "CUSTOMER", erpID: other.id, crmID: pair.crm.id, sync: .no)
        #expect(outcome.removedStaleCoupling?.erpID == pair.erp.id)
        #expect(try fixture.couplingOf(customer: pair.erp.id) == nil)
        #expect(try fixture.couplingOf(customer: other.id)?.crmID == pair.crm.id)
    }

    @Test func recouplingReplacesTheCouplingAndResetsTheCRMSyncState() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        let before = try #require(try fixture.couplingOf(customer: pair.erp.id))
        let another = try fixture.account("Adatum New")
        let outcome = try fixture.coupling.couple(mapping: "CUSTOMER", erpID: pair.erp.id, crmID: another.id, sync: .no)
        #expect(outcome.coupling.crmID == another.id)
        #expect(outcome.coupling.crmModifiedAtLastSync == nil && outcome.coupling.lastResultFromCRM == nil)
        #expect(outcome.coupling.snapshot.isEmpty)
        #expect(outcome.coupling.erpModifiedAtLastSync == before.erpModifiedAtLastSync)
        #expect(try fixture.store.couplingCount(mapping: "CUSTOMER") == 1)
    }

    @Test func createNewCopiesTheERPRecordAndCouplesIt() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Café Zürich", ["City": "Zürich", "Credit Limit": "250"])
        let outcome = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .erp, ids: [erp.id])
        #expect(outcome.outcomes.map(\.status) == [.inserted])
        let firstOutcome = try #require(outcome.outcomes.first)
        let newID = try #require(firstOutcome.crmID)
        let crm = try #require(try fixture.accounts.record(id: newID))
        #expect(crm["name"] == "Café Zürich" && crm["address1_city"] == "Zürich" && crm["creditlimit"] == "250")
        let coupling = try #require(try fixture.couplingOf(customer: erp.id))
        #expect(coupling.crmID == crm.id && coupling.snapshot["Name"] == SnapshotValue(erp: "Café Zürich", crm: "Café Zürich"))
        #expect(coupling.lastResultToCRM?.succeeded == true)
        #expect(outcome.job.counters.inserted == 1 && outcome.job.counters.coupled == 1)
        let again = try fixture.coupling.createNew(mapping: "CUSTOMER", side: .erp, ids: [erp.id])
        #expect(again.outcomes.map(\.status) == [.failed])
        #expect(try fixture.accounts.count(search: nil) == 1)
    }

    @Test func aContactIsCreatedOnlyWhenItsCompanyIsCoupled() throws {
        let fixture = Fixture()
        try fixture.customer("C00010", "Uncoupled Ltd")
        let orphan = try fixture.erpContact("CT0010", first: "Ana", last: "Silva", company: "C00010")
        let refused = try fixture.coupling.createNew(mapping: "CONTACT", side: .erp, ids: [orphan.id])
        let firstOutcome = try #require(refused.outcomes.first)
        #expect(firstOutcome.status == .failed)
        #expect(firstOutcome.message == "The contact's company is not coupled to a CRM account.")
        #expect(try fixture.crmContacts.count(search: nil) == 0)

        let company = try fixture.coupledCustomer("C00020", "Coupled GmbH")
        let person = try fixture.erpContact("CT0020", first: "Jürgen", last: "Groß", company: "C00020")
        let made = try fixture.coupling.createNew(mapping: "CONTACT", side: .erp, ids: [person.id])
        let madeOutcome = try #require(made.outcomes.first)
        let newID = try #require(madeOutcome.crmID)
        let crm = try #require(try fixture.crmContacts.record(id: newID))
        #expect(crm["parentcustomerid"] == company.crm.id.rawValue)
        #expect(crm["fullname"] == "Jürgen Groß")
    }

    @Test func aContactWhoseCompanyIsCoupledToADeletedAccountIsNotCreated() throws {
        let fixture = Fixture()
        let company = try fixture.coupledCustomer("C00020", "Coupled GmbH")
        try fixture.accounts.deleteAsUser(company.crm.id)
        let person = try fixture.erpContact("CT0020", first: "Jürgen", last: "Groß", company: "C00020")
        let refused = try fixture.coupling.createNew(mapping: "CONTACT", side: .erp, ids: [person.id])
        #expect(refused.outcomes.map(\.failure) == [.lookupCounterpartDeleted(field: "Company No.", value: "C00020")])
        #expect(try fixture.crmContacts.count(search: nil) == 0)
        // Match's create-if-no-match refuses it the same way.
        let matched = try MatchCoupler(workspace: fixture.workspace).match(
            mapping: "CONTACT", options: MatchOptions(criteria: MatchCriteria([MatchCriterion(erpField: "E-Mail", crmField: "emailaddress1")]),
                                                      createNewIfNoMatch: true))
        #expect(matched.failed.map(\.failure) == [.lookupCounterpartDeleted(field: "Company No.", value: "C00020")])
        #expect(try fixture.crmContacts.count(search: nil) == 0)
    }

    @Test func deleteCouplingLeavesRecordsAndReportsUncoupledOnes() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        let lonely = try fixture.customer("C00020", "Contoso")
        let outcome = try fixture.coupling.uncouple(mapping: "CUSTOMER", side: .erp, ids: [pair.erp.id, lonely.id])
        #expect(outcome.outcomes.map(\.status) == [.uncoupled, .failed])
        #expect(outcome.outcomes[1].message == "The record is not coupled.")
        #expect(outcome.job.counters.uncoupled == 1 && outcome.job.type == .uncoupling)
        #expect(try fixture.couplingOf(customer: pair.erp.id) == nil)
        #expect(try fixture.accounts.record(id: pair.crm.id) != nil && fixture.customers.record(id: pair.erp.id) != nil)
    }

    @Test func theDialogComparesMappedFieldsSideBySide() throws {
        let fixture = Fixture()
        let erp = try fixture.customer("C00010", "Adatum", ["City": "Berlin"])
        let crm = try fixture.account("Adatum", ["address1_city": "Hamburg"])
        let pairs = try fixture.coupling.compare(mapping: "CUSTOMER", erpID: erp.id, crmID: crm.id)
        #expect(pairs.first { $0.erpField == "City" } == FieldPair(erpField: "City", crmField: "address1_city",
                                                                   erpValue: "Berlin", crmValue: "Hamburg", differs: true))
        #expect(pairs.first { $0.erpField == "Name" }?.differs == false)
    }
}
