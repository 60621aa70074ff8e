import TandemCore

/// One failure of a job as the job's errors screen shows it: the records named by No. and name (or
/// "(deleted)" with the id, when a record is gone), and the reason in words.
public struct JobErrorRow: Equatable, Sendable {
    public var at: Timestamp
    public var sourceSide: Side
    /// "C00010 Adatum"; nil when the job had no record on that side.
    public var source: String?
    public var destination: String?
    public var message: String

    public init(at: Timestamp, sourceSide: Side, source: String?, destination: String?, message: String) {
        self.at = at
        self.sourceSide = sourceSide
        self.source = source
        self.destination = destination
        self.message = message
    }
}
