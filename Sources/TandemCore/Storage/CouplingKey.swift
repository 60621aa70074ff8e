/// Identifies a coupling: per mapping, an ERP record has at most one.
public struct CouplingKey: Sendable, Hashable, Codable {
    public var mapping: String
    public var erpID: RecordID

    public init(mapping: String, erpID: RecordID) {
        self.mapping = mapping
        self.erpID = erpID
    }
}
