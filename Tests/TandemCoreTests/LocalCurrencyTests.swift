import Testing
@testable import TandemCore

/// Business Central leaves a customer's Currency Code blank for the local currency; Dataverse names
/// every account's currency. With the mapping told what a blank ERP code stands for, the two compare
/// as the same value, travel as each side writes it, and never make a phantom change.
@Suite struct LocalCurrencyTests {
    /// A fixture whose CUSTOMER mapping reads a blank ERP Currency Code as `code`.
    func fixture(localCurrency code: String?) throws -> Fixture {
        var customer = DefaultMappings.customer
        let index = try #require(customer.fields.firstIndex { $0.erpField == "Currency Code" })
        customer.fields[index].erpBlankMeans = code
        return Fixture(mappings: [customer, DefaultMappings.contact])
    }

    func request(_ id: RecordID, _ choice: SyncChoice, side: Side = .erp, force: Bool = false) -> SyncRequest {
        SyncRequest(mapping: "CUSTOMER", selection: .records(side, [id]), choice: choice, overwriteChangedDestination: force)
    }

    @Test func aBlankLocalCurrencyAndItsCodeAreTheSameValue() throws {
        let fixture = try fixture(localCurrency: "EUR")
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        // The new account was given the local currency's code, not a blank.
        #expect(pair.crm["transactioncurrency"] == "EUR")
        #expect(pair.erp["Currency Code"] == "")
        // Someone edits the account; the currency still agrees, so only the edit travels.
        try fixture.edit(fixture.accounts, pair.crm.id, ["telephone1": "+33 1 23 45"])
        let back = try fixture.engine.synchronize(request(pair.crm.id, .fromCRM, side: .crm))
        #expect(back.job.counters.modified == 1)
        #expect(try fixture.customers.record(id: pair.erp.id)?["Currency Code"] == "")
        #expect(try fixture.customers.record(id: pair.erp.id)?["Phone No."] == "+33 1 23 45")
        let again = try fixture.engine.synchronize(request(pair.erp.id, .toCRM, force: true))
        #expect(again.job.counters.unchanged == 1 && again.job.counters.modified == 0)
    }

    @Test func aForeignCurrencyTravelsAsItIsAndTheLocalOneComesBackBlank() throws {
        let fixture = try fixture(localCurrency: "EUR")
        let pair = try fixture.coupledCustomer("C00010", "Adatum", ["Currency Code": "USD"])
        #expect(pair.crm["transactioncurrency"] == "USD")
        try fixture.edit(fixture.accounts, pair.crm.id, ["transactioncurrency": "eur"])
        _ = try fixture.engine.synchronize(request(pair.crm.id, .fromCRM, side: .crm))
        #expect(try fixture.customers.record(id: pair.erp.id)?["Currency Code"] == "")
    }

    @Test func withoutTheRuleABlankAndTheCodeDiffer() throws {
        let fixture = try fixture(localCurrency: nil)
        let pair = try fixture.coupledCustomer("C00010", "Adatum")
        try fixture.edit(fixture.accounts, pair.crm.id, ["transactioncurrency": "EUR"])
        let plan = try fixture.engine.preview(request(pair.erp.id, .toCRM, force: true))
        #expect(plan.records.first?.outcome == .write([RecordUpdate(side: .crm, recordID: pair.crm.id, changes: [
            FieldChange(field: "transactioncurrency", oldValue: "EUR", newValue: ""),
        ])]))
    }
}
