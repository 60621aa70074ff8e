import TandemCore

/// What one pull of one table did.
public struct PullReport: Sendable, Equatable {
    public var table: String
    /// Whether it read every record (first pull, `--full`, or an expired cursor).
    public var full: Bool
    /// Whether it continued a pull that had been cut off.
    public var resumed: Bool
    public var pages: Int
    public var changes: ReplicaChanges
    /// What a blank currency code stands for, when this pull taught it to some mappings (see
    /// `LocalCurrencyRule`).
    public var adoptedLocalCurrency: LocalCurrencyAdoption?
    /// Why the table was not pulled at all: the service has no such entity set (an older version).
    public var notOffered: String?

    public init(table: String, full: Bool, resumed: Bool, pages: Int = 0, changes: ReplicaChanges = ReplicaChanges()) {
        self.table = table
        self.full = full
        self.resumed = resumed
        self.pages = pages
        self.changes = changes
    }
}
