/// The two systems Tandem couples: the ERP (Business Central's role) and the CRM (Dynamics 365 Sales' role).
public enum Side: String, Sendable, Codable, CaseIterable {
    case erp
    case crm

    /// The side across the coupling.
    public var other: Side { self == .erp ? .crm : .erp }

    /// "ERP" or "CRM", for messages.
    public var displayName: String { self == .erp ? "ERP" : "CRM" }
}
