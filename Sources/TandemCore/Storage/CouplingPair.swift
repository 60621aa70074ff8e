/// A coupled pair as it was read.
public struct CouplingPair: Sendable, Hashable, Codable {
    public var mapping: String
    public var erpID: RecordID
    public var crmID: RecordID

    public init(mapping: String, erpID: RecordID, crmID: RecordID) {
        self.mapping = mapping
        self.erpID = erpID
        self.crmID = crmID
    }
}
