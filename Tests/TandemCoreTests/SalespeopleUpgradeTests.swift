import Testing
@testable import TandemCore

/// A workspace made before salespeople existed gains what a new one starts with, once, and a
/// workspace whose mappings a person reshaped is left alone.
@Suite struct SalespeopleUpgradeTests {
    /// The mappings as workspaces were made before: CUSTOMER without the owner, no SALESPEOPLE.
    private var older: [TableMapping] {
        var customer = DefaultMappings.customer
        customer.fields.removeAll { $0.erpField == "Salesperson Code" }
        customer.dependsOn = []
        return [customer, DefaultMappings.contact]
    }

    private func applying(_ changes: [TableMapping], to mappings: [TableMapping]) -> [TableMapping] {
        var result = mappings
        for change in changes {
            if let index = result.firstIndex(where: { $0.name == change.name }) { result[index] = change } else { result.append(change) }
        }
        return result
    }

    @Test func anOlderWorkspaceGainsTheMappingAndTheOwnerField() {
        let upgraded = applying(SalespeopleUpgrade.changes(to: older), to: older)
        #expect(upgraded.sorted { $0.name < $1.name } == DefaultMappings.all.sorted { $0.name < $1.name })
        #expect(SalespeopleUpgrade.changes(to: upgraded).isEmpty)
    }

    @Test func aPersonsChangesToCustomerAreKept() {
        var mappings = older
        mappings[0].fields[0].isEnabled = false
        mappings[0].direction = .toCRM
        let upgraded = applying(SalespeopleUpgrade.changes(to: mappings), to: mappings)
        let customer = upgraded.first { $0.name == "CUSTOMER" }
        #expect(customer?.direction == .toCRM && customer?.fields[0].isEnabled == false)
        #expect(customer?.fields.last?.lookupMapping == "SALESPEOPLE")
    }

    @Test func aSalespeopleMappingOfOtherTablesStopsTheUpgrade() {
        let other = TableMapping(name: "SALESPEOPLE", erpTable: "Contact", crmTable: "contact", direction: .bidirectional, fields: [])
        #expect(SalespeopleUpgrade.changes(to: older + [other]).isEmpty)
        #expect(SalespeopleUpgrade.changes(to: [DefaultMappings.contact]).isEmpty)
    }
}
