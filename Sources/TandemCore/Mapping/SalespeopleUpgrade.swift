/// Brings the mappings of a workspace made before salespeople existed to what a new workspace gets:
/// the SALESPEOPLE mapping, and the CUSTOMER mapping's Salesperson Code → owner field with the
/// dependency it brings. A workspace with no CUSTOMER mapping of Customer and account is left alone,
/// and so is one whose CUSTOMER already writes the owner (a constant owner, say), or where a person
/// gave the name SALESPEOPLE to a mapping of other tables.
public enum SalespeopleUpgrade {
    /// The mappings to save (changed or new), in the order to save them; empty when there is nothing
    /// to do.
    public static func changes(to mappings: [TableMapping]) -> [TableMapping] {
        guard var customer = mappings.first(where: {
            $0.name == DefaultMappings.customerName && $0.erpTable == StandardTables.customer.name
                && $0.crmTable == StandardTables.account.name
        }), !customer.fields.contains(where: { $0.erpField == "Salesperson Code" || $0.crmField == "ownerid" }),
              let owner = DefaultMappings.customer.fields.first(where: { $0.erpField == "Salesperson Code" }) else {
            return []
        }
        var changes: [TableMapping] = []
        if let existing = mappings.first(where: { $0.name == DefaultMappings.salespeopleName }) {
            guard existing.erpTable == StandardTables.salesperson.name,
                  existing.crmTable == StandardTables.systemUser.name else { return [] }
        } else {
            changes.append(DefaultMappings.salespeople)
        }
        customer.fields.append(owner)
        if !customer.dependsOn.contains(DefaultMappings.salespeopleName) {
            customer.dependsOn.append(DefaultMappings.salespeopleName)
        }
        changes.append(customer)
        return changes
    }
}
