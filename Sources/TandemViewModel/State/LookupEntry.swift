import TandemCore

/// A row of the coupling dialog's lookup list.
public struct LookupEntry: Equatable, Sendable {
    public var id: RecordID
    public var label: String
    public var detail: String
    public var coupled: Bool

    public init(id: RecordID, label: String, detail: String, coupled: Bool) {
        self.id = id
        self.label = label
        self.detail = detail
        self.coupled = coupled
    }
}
