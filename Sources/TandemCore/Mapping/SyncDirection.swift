/// One pass of a synchronization: from the ERP to the CRM, or back.
public enum SyncDirection: String, Sendable, Codable, CaseIterable {
    case toCRM
    case fromCRM

    public var source: Side { self == .toCRM ? .erp : .crm }
    public var destination: Side { self == .toCRM ? .crm : .erp }

    /// The pass that reads from `side`.
    public static func from(_ side: Side) -> SyncDirection { side == .erp ? .toCRM : .fromCRM }
}
