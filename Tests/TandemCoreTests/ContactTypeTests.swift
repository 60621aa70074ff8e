import Testing
@testable import TandemCore

/// BC synchronizes only contacts of type Person with Dataverse contacts: the CONTACT mapping's ERP
/// filter is `Type = Person`, so a company contact is never coupled, matched or synchronized, and every
/// contact Tandem creates on the ERP side is a person.
@Suite struct ContactTypeTests {
    func company(_ fixture: Fixture, _ number: String, _ name: String, company: String) throws -> Record {
        try fixture.erpContact(number, first: "", last: "", company: company,
                               ["Type": "Company", "Name": name, "E-Mail": "info@\(number.lowercased()).example"])
    }

    @Test func theDefaultContactMappingAdmitsOnlyPersons() {
        let filter = DefaultMappings.contact.erpFilter
        func contact(_ type: String) -> Record {
            Record(id: .generate(), modifiedAt: Timestamp(milliseconds: 0), fields: ["Company No.": "C1", "Type": type])
        }
        #expect(filter.admits(contact("Person")))
        #expect(!filter.admits(contact("Company")))
        #expect(!filter.admits(contact("")))
        #expect(filter.summary == "Company No. is not blank and Type = Person")
    }

    @Test func couplingACompanyContactIsRefusedAsOutsideTheFilter() throws {
        let fixture = Fixture()
        let customer = try fixture.coupledCustomer("C00020", "Coupled GmbH")
        let erp = try company(fixture, "CT0010", "Coupled GmbH", company: "C00020")
        let crmID = RecordID.generate()
        try fixture.crmContacts.write(.insert(id: crmID, fields: ["lastname": "Coupled GmbH", "statecode": "Active",
                                                                  "parentcustomerid": customer.crm.id.rawValue]))
        let error = try #require(throws: TandemError.self) {
            try fixture.coupling.couple(mapping: "CONTACT", erpID: erp.id, crmID: crmID)
        }
        #expect(error == .outsideFilter(record: "CT0010 Coupled GmbH", filter: "Company No. is not blank and Type = Person"))
        #expect(try fixture.store.couplingCount(mapping: "CONTACT") == 0)
        let made = try fixture.coupling.createNew(mapping: "CONTACT", side: .erp, ids: [erp.id])
        #expect(made.outcomes.map(\.failure) == [.outsideFilter(record: "CT0010 Coupled GmbH",
                                                                filter: "Company No. is not blank and Type = Person")])
        #expect(try fixture.crmContacts.count(search: nil) == 1)
    }

    @Test func matchCouplesThePersonAndLeavesTheCompanyContactAlone() throws {
        let fixture = Fixture()
        let customer = try fixture.coupledCustomer("C00020", "Coupled GmbH")
        let person = try fixture.erpContact("CT0020", first: "Ana", last: "Silva", company: "C00020",
                                            ["E-Mail": "ana@example.com"])
        let firm = try company(fixture, "CT0010", "Coupled GmbH", company: "C00020")
        let crmPerson = RecordID.generate(), crmFirm = RecordID.generate()
        let parent = customer.crm.id.rawValue
        _ = try fixture.crmContacts.apply([
            .insert(id: crmPerson, fields: ["firstname": "Ana", "lastname": "Silva", "emailaddress1": "ana@example.com",
                                            "parentcustomerid": parent]),
            .insert(id: crmFirm, fields: ["lastname": "Coupled GmbH", "emailaddress1": firm["E-Mail"], "parentcustomerid": parent]),
        ])
        let criteria = MatchCriteria([MatchCriterion(erpField: "E-Mail", crmField: "emailaddress1")])
        let result = try MatchCoupler(workspace: fixture.workspace)
            .match(mapping: "CONTACT", options: MatchOptions(criteria: criteria, createNewIfNoMatch: true))
        #expect(result.coupled.map(\.erpID) == [person.id])
        #expect(result.created.isEmpty)
        #expect(try fixture.store.coupling(mapping: "CONTACT", side: .erp, id: firm.id) == nil)
        #expect(try fixture.crmContacts.count(search: nil) == 2)
    }

    @Test func aContactThatBecomesACompanyIsSkippedBySynchronize() throws {
        let fixture = Fixture()
        try fixture.coupledCustomer("C00020", "Coupled GmbH")
        let person = try fixture.erpContact("CT0020", first: "Ana", last: "Silva", company: "C00020")
        let made = try fixture.coupling.createNew(mapping: "CONTACT", side: .erp, ids: [person.id])
        let crmID = try #require(made.outcomes.first?.crmID)
        try fixture.edit(fixture.erpContacts, person.id, ["Type": "Company", "Job Title": "Reception"])
        let result = try fixture.engine.synchronize(SyncRequest(mapping: "CONTACT", selection: .allCoupled, choice: .toCRM))
        #expect(result.job.counters.skipped == 1 && result.job.counters.modified == 0)
        #expect(result.problems.map(\.skipReason) == [.outsideFilter(side: .erp, filter: "Company No. is not blank and Type = Person")])
        #expect(try fixture.crmContacts.record(id: crmID)?["jobtitle"] == "")
    }

    @Test func createNewFromTheCRMMakesAPerson() throws {
        let fixture = Fixture()
        let customer = try fixture.coupledCustomer("C00020", "Coupled GmbH")
        let crmID = RecordID.generate()
        try fixture.crmContacts.write(.insert(id: crmID, fields: ["firstname": "Jürgen", "lastname": "Groß",
                                                                  "parentcustomerid": customer.crm.id.rawValue]))
        let made = try fixture.coupling.createNew(mapping: "CONTACT", side: .crm, ids: [crmID])
        let erpID = try #require(made.outcomes.first?.erpID)
        let erp = try #require(try fixture.erpContacts.record(id: erpID))
        #expect(erp["Type"] == "Person")
        #expect(erp["Name"] == "Jürgen Groß")
        #expect(erp["Company No."] == "C00020")
        #expect(DefaultMappings.contact.erpFilter.admits(erp))
    }

    /// `onlyCoupled` false creates the uncoupled CRM contacts on the ERP side through the same path:
    /// persons, inside the filter, so the next pass synchronizes them.
    @Test func contactsCreatedByAPassOverEveryPairArePersons() throws {
        var contact = DefaultMappings.contact
        contact.onlyCoupled = false
        let fixture = Fixture(mappings: [DefaultMappings.customer, contact])
        let customer = try fixture.coupledCustomer("C00020", "Coupled GmbH")
        let crmID = RecordID.generate()
        try fixture.crmContacts.write(.insert(id: crmID, fields: ["firstname": "Ana", "lastname": "Silva",
                                                                  "parentcustomerid": customer.crm.id.rawValue]))
        let result = try fixture.engine.synchronize(SyncRequest(mapping: "CONTACT", selection: .allCoupled, choice: .fromCRM))
        #expect(result.job.counters.inserted == 1)
        let coupling = try #require(try fixture.store.coupling(mapping: "CONTACT", side: .crm, id: crmID))
        #expect(try fixture.erpContacts.record(id: coupling.erpID)?["Type"] == "Person")
    }
}
