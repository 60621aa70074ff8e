/// One page of a job's undo log, in the order the changes were written.
public struct RecordChangePage: Sendable, Equatable {
    public var changes: [RecordChange]
    /// Where the page ends: pass it as `after` to read the next page; nil when the page is empty.
    public var last: Int64?

    public init(changes: [RecordChange], last: Int64?) {
        self.changes = changes
        self.last = last
    }
}
