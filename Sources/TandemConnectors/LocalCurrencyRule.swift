import TandemCore

/// Business Central leaves a customer's Currency Code blank for the company's local currency, where
/// Dataverse (and most CRMs) name it. The first pull that learns the local currency writes it into
/// every mapping of that table whose currency field has no rule yet (`FieldMapping.erpBlankMeans`),
/// so a blank and the code never count as a difference. A rule a person set, or removed and set
/// again, is left alone.
enum LocalCurrencyRule {
    /// The ERP field that holds a currency code.
    static let currencyField = "Currency Code"

    /// Sets the rule where it is missing; returns the code and the mappings it was set in, nil if none.
    static func adopt(_ code: String, for table: String, on side: Side, in store: any WorkspaceStore) throws -> LocalCurrencyAdoption? {
        guard side == .erp else { return nil }
        var adopted: [String] = []
        for var mapping in try store.mappings() where mapping.erpTable == table {
            guard let index = mapping.fields.firstIndex(where: { $0.erpField == currencyField }),
                  mapping.fields[index].erpBlankMeans == nil else { continue }
            mapping.fields[index].erpBlankMeans = code
            try store.save(mapping)
            adopted.append(mapping.name)
        }
        return adopted.isEmpty ? nil : LocalCurrencyAdoption(code: code, mappings: adopted)
    }
}
