/// A field changed on both sides since the last sync, to different values.
public struct FieldConflict: Sendable, Equatable, Codable {
    public var erpField: String
    public var crmField: String
    public var erpValue: String
    public var crmValue: String
    /// The value both sides had after the last sync, when known.
    public var lastSyncedValue: String?

    public init(erpField: String, crmField: String, erpValue: String, crmValue: String, lastSyncedValue: String?) {
        self.erpField = erpField
        self.crmField = crmField
        self.erpValue = erpValue
        self.crmValue = crmValue
        self.lastSyncedValue = lastSyncedValue
    }

    /// `E-Mail: ERP "a@x.com" ≠ CRM "b@x.com"`.
    public var summary: String { "\(erpField): ERP \"\(erpValue)\" ≠ CRM \"\(crmValue)\"" }
}
