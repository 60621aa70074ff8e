import Testing
@testable import TandemCore

/// A customer's Salesperson Code travels to the account's owner through the SALESPEOPLE couplings: as
/// the coupled user's id, never as the code; a blank never replaces an owner; a salesperson nobody
/// coupled is named, coupled by e-mail on request, and the customer then travels.
@Suite struct SalespeopleTests {
    /// A salesperson and a CRM user with the same e-mail, not coupled.
    private func person(_ fixture: Fixture, code: String, name: String, email: String) throws -> (erp: Record, crm: Record) {
        let erpID = RecordID.generate(), crmID = RecordID.generate()
        try fixture.salespeople.apply([.insert(id: erpID, fields: ["Code": code, "Name": name, "E-Mail": email])])
        let parts = name.split(separator: " ").map(String.init)
        try fixture.users.apply([.insert(id: crmID, fields: ["firstname": parts[0], "lastname": parts[1],
                                                              "internalemailaddress": email.uppercased(), "isdisabled": "No"])])
        return (try #require(try fixture.salespeople.record(id: erpID)), try #require(try fixture.users.record(id: crmID)))
    }

    private let send = SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM)

    @Test func aCoupledSalespersonBecomesTheAccountsOwnerByTheUsersID() throws {
        let fixture = Fixture()
        let annette = try person(fixture, code: "AH", name: "Annette Hill", email: "annette@cronus.example")
        let matched = try MatchCoupler(workspace: fixture.workspace).match(
            mapping: "SALESPEOPLE", erpIDs: [annette.erp.id], options: MatchOptions(criteria: MatchCriteria(defaultsOf: DefaultMappings.salespeople)))
        #expect(matched.counts.coupled == 1)
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.customers, pair.erp.id, ["Salesperson Code": "AH"])

        let result = try fixture.engine.synchronize(send)
        #expect(result.problems.isEmpty && result.job.counters.modified == 1)
        #expect(try fixture.accounts.record(id: pair.crm.id)?["ownerid"] == annette.crm.id.rawValue)
        #expect(try fixture.engine.synchronize(send).job.counters.unchanged == 1)
    }

    @Test func aBlankSalespersonLeavesTheOwnerAsItIs() throws {
        let fixture = Fixture()
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        let owner = RecordID.generate().rawValue
        try fixture.edit(fixture.accounts, pair.crm.id, ["ownerid": owner])
        try fixture.edit(fixture.customers, pair.erp.id, ["City": "Köln"])

        let result = try fixture.engine.synchronize(send)
        #expect(result.problems.isEmpty && result.job.counters.modified == 1)
        let account = try #require(try fixture.accounts.record(id: pair.crm.id))
        #expect(account["ownerid"] == owner && account["address1_city"] == "Köln")
        // Nothing is left to send: the blank is no difference.
        #expect(try fixture.engine.synchronize(send).job.counters.unchanged == 1)
    }

    @Test func aSalespersonNobodyCoupledIsNamedThenCoupledByEmail() throws {
        let fixture = Fixture()
        let lucia = try person(fixture, code: "LM", name: "Lucía Martínez", email: "lucia@cronus.example")
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        let other = try fixture.coupledCustomer("C00020", "Contoso")
        try fixture.edit(fixture.customers, pair.erp.id, ["Salesperson Code": "LM"])
        try fixture.edit(fixture.customers, other.erp.id, ["Salesperson Code": "KW"])

        let first = try fixture.engine.synchronize(send)
        // In list order of the records' ids, which are random: compared as messages, sorted.
        #expect(first.problems.map(\.message).sorted() == [RecordFailure.lookupNotCoupled(field: "Salesperson Code", value: "KW").message,
                                                           RecordFailure.lookupNotCoupled(field: "Salesperson Code", value: "LM").message])
        #expect(try fixture.accounts.record(id: pair.crm.id)?["ownerid"] == "")
        // The second failure in a row marks both pairs skipped; the third run only says so.
        _ = try fixture.engine.synchronize(send)
        let third = try fixture.engine.synchronize(send)
        #expect(third.problems.map(\.skipReason) == [.markedSkipped, .markedSkipped])

        // Coupling what the skipped pairs' last errors name lifts the mark where it is coupled now.
        let coupled = try DependencyCoupler(workspace: fixture.workspace).couple(for: DefaultMappings.customer, problems: third.problems)
        #expect(coupled.map(\.mapping) == ["SALESPEOPLE"] && coupled.map(\.coupled) == [1] && coupled.map(\.referenced) == [2])
        #expect(try fixture.store.coupling(mapping: "SALESPEOPLE", side: .erp, id: lucia.erp.id)?.crmID == lucia.crm.id)
        #expect(try fixture.couplingOf(customer: pair.erp.id)?.skipped == false)
        #expect(try fixture.couplingOf(customer: other.erp.id)?.skipped == true)

        let again = try fixture.engine.synchronize(send)
        #expect(again.job.counters.modified == 1 && again.problems.map(\.skipReason) == [.markedSkipped])
        #expect(try fixture.accounts.record(id: pair.crm.id)?["ownerid"] == lucia.crm.id.rawValue)
    }

    /// The service gives an account created without an owner to the calling user. The snapshot holds
    /// the blank that was sent; the owner found afterwards is no edit made in the CRM, so a salesperson
    /// given later is sent without being refused as overwriting one.
    @Test func theOwnerTheServiceGaveANewAccountIsNoEditInTheCRM() throws {
        let fixture = Fixture()
        let annette = try person(fixture, code: "AH", name: "Annette Hill", email: "annette@cronus.example")
        _ = try MatchCoupler(workspace: fixture.workspace).match(
            mapping: "SALESPEOPLE", erpIDs: [annette.erp.id], options: MatchOptions(criteria: MatchCriteria(defaultsOf: DefaultMappings.salespeople)))
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        #expect(try fixture.couplingOf(customer: pair.erp.id)?.snapshot["Salesperson Code"] == SnapshotValue(erp: "", crm: ""))
        try fixture.edit(fixture.accounts, pair.crm.id, ["ownerid": RecordID.generate().rawValue])
        try fixture.edit(fixture.customers, pair.erp.id, ["Salesperson Code": "AH"])

        let result = try fixture.engine.synchronize(send)
        #expect(result.problems.isEmpty && result.job.counters.modified == 1, "\(result.problems.map(\.message))")
        #expect(try fixture.accounts.record(id: pair.crm.id)?["ownerid"] == annette.crm.id.rawValue)
    }

    @Test func usersBecomeSalespeopleAndNothingIsWrittenToTheCRM() throws {
        let fixture = Fixture()
        let john = try person(fixture, code: "JR", name: "John Roberts", email: "john@cronus.example")
        _ = try MatchCoupler(workspace: fixture.workspace).match(
            mapping: "SALESPEOPLE", erpIDs: [john.erp.id], options: MatchOptions(criteria: MatchCriteria(defaultsOf: DefaultMappings.salespeople)))
        // A pair coupled by match and never synchronized differs in the e-mail's case: as for any
        // mapping, the first pass that would overwrite it is told to.
        var first = SyncRequest(mapping: "SALESPEOPLE", selection: .allCoupled, choice: .fromCRM)
        first.overwriteChangedDestination = true
        #expect(try fixture.engine.synchronize(first).problems.isEmpty)
        try fixture.edit(fixture.users, john.crm.id, ["title": "Sales Director", "mobilephone": "+44 7700 900999"])

        let result = try fixture.engine.synchronize(SyncRequest(mapping: "SALESPEOPLE", selection: .allCoupled, choice: .fromCRM))
        #expect(result.problems.isEmpty && result.job.counters.modified == 1, "\(result.problems.map(\.message))")
        let salesperson = try #require(try fixture.salespeople.record(id: john.erp.id))
        #expect(salesperson["Job Title"] == "Sales Director" && salesperson["Phone No."] == "+44 7700 900999")
        #expect(salesperson["E-Mail"] == "JOHN@CRONUS.EXAMPLE")
        #expect(throws: TandemError.self) {
            try fixture.engine.synchronize(SyncRequest(mapping: "SALESPEOPLE", selection: .allCoupled, choice: .toCRM))
        }
    }
}
