/// Pairs one ERP field with one CRM field inside a table mapping.
public struct FieldMapping: Sendable, Codable, Equatable {
    public var erpField: String
    public var crmField: String
    /// Which passes use this field (together with the table mapping's own direction).
    public var direction: MappingDirection
    /// When set, the destination receives this value instead of the source field's.
    public var constant: String?
    public var isEnabled: Bool
    /// Offered to match-based coupling by default.
    public var matchOn: Bool
    public var caseSensitive: Bool
    /// 0 is the highest priority.
    public var matchPriority: Int
    /// When set, the value is a reference into another mapping's table (a contact's company) and is
    /// translated through that mapping's couplings, never copied as a raw id.
    public var lookupMapping: String?
    /// What a blank ERP value stands for on the CRM side. Business Central leaves a customer's
    /// Currency Code blank for the company's local currency, which Dataverse names by its ISO code:
    /// with this set to that code, a blank goes to the CRM as the code, the code comes back to the ERP
    /// as a blank, and the two never count as a difference.
    public var erpBlankMeans: String?

    public init(erp erpField: String, crm crmField: String, direction: MappingDirection = .bidirectional,
                constant: String? = nil, isEnabled: Bool = true, matchOn: Bool = false,
                caseSensitive: Bool = false, matchPriority: Int = 0, lookupMapping: String? = nil,
                erpBlankMeans: String? = nil) {
        self.erpField = erpField
        self.crmField = crmField
        self.direction = direction
        self.constant = constant
        self.isEnabled = isEnabled
        self.matchOn = matchOn
        self.caseSensitive = caseSensitive
        self.matchPriority = matchPriority
        self.lookupMapping = lookupMapping
        self.erpBlankMeans = erpBlankMeans
    }

    /// The field's name on `side`.
    public func field(on side: Side) -> String { side == .erp ? erpField : crmField }

    /// What a value on `side` is written as on the other side: itself, or — with `erpBlankMeans` —
    /// a blank ERP value as that value, and that value (ASCII case ignored) as a blank ERP one.
    public func value(_ value: String, from side: Side) -> String {
        guard let means = erpBlankMeans, !means.isEmpty else { return value }
        let trimmed = FieldValue.normalizedText(value)
        switch side {
        case .erp: return trimmed.isEmpty ? means : value
        case .crm: return trimmed.lowercased() == means.lowercased() ? "" : value
        }
    }
}
