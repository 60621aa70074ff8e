/// Both sides' values of one mapped field as they were after the last successful pass that carried it.
public struct SnapshotValue: Sendable, Codable, Equatable {
    public var erp: String
    public var crm: String

    public init(erp: String, crm: String) {
        self.erp = erp
        self.crm = crm
    }

    public func value(on side: Side) -> String { side == .erp ? erp : crm }
}
