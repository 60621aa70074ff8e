import Testing
@testable import TandemCore

/// A contact whose company is not coupled fails with the company named; coupling the company by match
/// lets the next pass carry the contact, with its company translated.
@Suite struct DependencyCouplingTests {
    @Test func aCompanyNotCoupledIsNamedCoupledByMatchAndTheContactThenTravels() throws {
        var contact = DefaultMappings.contact
        contact.onlyCoupled = false
        let fixture = Fixture(mappings: [DefaultMappings.customer, contact])
        let customer = try fixture.customer("C00010", "Adatum", ["E-Mail": "info@adatum.example"])
        let account = try fixture.account("Adatum", ["emailaddress1": "info@adatum.example"])
        // A second company with the same name but another address: matching must not take it.
        _ = try fixture.customer("C00020", "Adatum", ["E-Mail": "hello@adatum-other.example"])
        _ = try fixture.erpContact("CT0001", first: "Ana", last: "Ruiz", company: "C00010", ["Type": "Person"])
        let request = SyncRequest(mapping: "CONTACT", selection: .allCoupled, choice: .toCRM)

        let first = try fixture.engine.synchronize(request)
        #expect(first.problems.map(\.failure) == [.companyNotCoupled])

        let coupled = try DependencyCoupler(workspace: fixture.workspace).couple(for: contact, problems: first.problems)
        #expect(coupled.map(\.mapping) == ["CUSTOMER"] && coupled.map(\.coupled) == [1] && coupled.map(\.referenced) == [1])
        #expect(try fixture.store.coupling(mapping: "CUSTOMER", side: .erp, id: customer.id)?.crmID == account.id)

        let second = try fixture.engine.synchronize(request)
        #expect(second.problems.isEmpty && second.job.counters.inserted == 1)
        let created = try #require(try fixture.crmContacts.page(search: nil, from: .first, limit: 5).first)
        #expect(created["parentcustomerid"] == account.id.rawValue)
    }

    @Test func aCRMContactsAccountIsCoupledToTheCustomerThatMatchesIt() throws {
        var contact = DefaultMappings.contact
        contact.onlyCoupled = false
        let fixture = Fixture(mappings: [DefaultMappings.customer, contact])
        let customer = try fixture.customer("C00010", "Adatum", ["E-Mail": "info@adatum.example"])
        let account = try fixture.account("Adatum", ["emailaddress1": "info@adatum.example"])
        let id = RecordID.generate()
        try fixture.crmContacts.apply([.insert(id: id, fields: ["firstname": "Ana", "lastname": "Ruiz", "fullname": "Ana Ruiz",
                                                                 "parentcustomerid": account.id.rawValue, "statecode": "Active"])])
        let request = SyncRequest(mapping: "CONTACT", selection: .allCoupled, choice: .fromCRM)
        let first = try fixture.engine.synchronize(request)
        #expect(first.problems.map(\.failure) == [.companyNotCoupled])
        let coupled = try DependencyCoupler(workspace: fixture.workspace).couple(for: contact, problems: first.problems)
        #expect(coupled.map(\.coupled) == [1])
        #expect(try fixture.store.coupling(mapping: "CUSTOMER", side: .crm, id: account.id)?.erpID == customer.id)
        let second = try fixture.engine.synchronize(request)
        #expect(second.problems.isEmpty && second.job.counters.inserted == 1)
    }

    @Test func nothingToCoupleWhenTheProblemsAreOfAnotherKind() throws {
        let fixture = Fixture()
        let outcome = RecordOutcome(label: "x", erpID: nil, crmID: nil, status: .failed, failure: .legacy("no"))
        #expect(try DependencyCoupler(workspace: fixture.workspace).couple(for: DefaultMappings.contact, problems: [outcome]).isEmpty)
    }
}
