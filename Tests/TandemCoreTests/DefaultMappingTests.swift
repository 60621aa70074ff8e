import Testing
@testable import TandemCore

@Suite struct DefaultMappingTests {
    @Test func customerMappingPairsTheSpecFields() throws {
        let mapping = DefaultMappings.customer
        #expect(mapping.erpTable == "Customer" && mapping.crmTable == "account" && mapping.direction == .bidirectional)
        let pairs = Dictionary(uniqueKeysWithValues: mapping.fields.map { ($0.erpField, $0.crmField) })
        #expect(pairs["Name"] == "name" && pairs["E-Mail"] == "emailaddress1" && pairs["Currency Code"] == "transactioncurrency")
        #expect(mapping.fields.first { $0.erpField == "Credit Limit" }?.direction == .toCRM)
        #expect(mapping.fields.first { $0.erpField == "No." }?.crmField == "accountnumber")
        #expect(mapping.onlyCoupled)
    }

    @Test func passesUseTheFieldsOfTheirDirectionOnly() {
        let toCRM = Set(DefaultMappings.customer.fields(for: .toCRM).map(\.erpField))
        let fromCRM = Set(DefaultMappings.customer.fields(for: .fromCRM).map(\.erpField))
        #expect(toCRM.contains("Credit Limit") && toCRM.contains("No.") && toCRM.contains("Name"))
        #expect(!fromCRM.contains("Credit Limit") && !fromCRM.contains("No.") && fromCRM.contains("Name"))
        var disabled = DefaultMappings.customer
        disabled.fields[0].isEnabled = false
        #expect(!disabled.fields(for: .toCRM).contains { $0.erpField == "Name" })
        var oneWay = DefaultMappings.customer
        oneWay.direction = .toCRM
        #expect(oneWay.fields(for: .fromCRM).isEmpty)
    }

    @Test func contactMappingDependsOnCustomerAndTranslatesTheCompany() {
        let contact = DefaultMappings.contact
        #expect(contact.dependsOn == ["CUSTOMER"])
        #expect(contact.fields.first { $0.erpField == "Company No." }?.lookupMapping == "CUSTOMER")
    }

    @Test func filtersAdmitOnlyRecordsInside() {
        let blocked = Record(id: .generate(), modifiedAt: Timestamp(milliseconds: 0), fields: ["Blocked": "All"])
        let open = Record(id: .generate(), modifiedAt: Timestamp(milliseconds: 0), fields: ["Blocked": "  "])
        #expect(!DefaultMappings.customer.erpFilter.admits(blocked))
        #expect(DefaultMappings.customer.erpFilter.admits(open))
        let inactive = Record(id: .generate(), modifiedAt: Timestamp(milliseconds: 0), fields: ["statecode": "Inactive"])
        #expect(!DefaultMappings.customer.crmFilter.admits(inactive))
    }

    @Test func mappingSettingsAreStoredAndChangeable() throws {
        let fixture = Fixture()
        var mapping = try fixture.store.mapping(named: "customer")
        mapping.updateConflict = .sendERP
        mapping.deletionConflict = .restore
        mapping.fields[0].constant = "X"
        mapping.fields[0].caseSensitive = true
        try fixture.store.save(mapping)
        let stored = try fixture.store.mapping(named: "CUSTOMER")
        #expect(stored == mapping)
        #expect(throws: TandemError.unknownMapping("VENDOR")) { try fixture.store.mapping(named: "VENDOR") }
    }

    @Test func decimalsCompareByValueAndTextTrimmed() {
        #expect(FieldValue.same("1000", "1000.00", kind: .decimal))
        #expect(!FieldValue.same("1000", "1000.5", kind: .decimal))
        #expect(FieldValue.same(" Berlin ", "Berlin", kind: .text))
        #expect(!FieldValue.same("berlin", "Berlin", kind: .text))
        #expect(!FieldValue.same("12abc", "12", kind: .decimal))
    }
}
