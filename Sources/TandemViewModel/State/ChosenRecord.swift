import TandemCore

/// A record picked for the coupling dialog.
public struct ChosenRecord: Equatable, Sendable {
    public var id: RecordID
    public var label: String

    public init(id: RecordID, label: String) {
        self.id = id
        self.label = label
    }
}
