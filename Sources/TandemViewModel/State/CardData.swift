import TandemCore

/// What the card needs about one record.
public struct CardData: Equatable, Sendable {
    public var record: Record?
    public var coupling: CouplingSummary?

    public init(record: Record?, coupling: CouplingSummary?) {
        self.record = record
        self.coupling = coupling
    }
}
