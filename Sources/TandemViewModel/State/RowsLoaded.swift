/// Rows for a pane, from the store.
public struct RowsLoaded: Equatable, Sendable {
    public var request: PageRequest
    public var rows: [ListRow]
    /// Whether the rows reach the list's first / last row.
    public var reachesStart: Bool
    public var reachesEnd: Bool

    public init(request: PageRequest, rows: [ListRow], reachesStart: Bool, reachesEnd: Bool) {
        self.request = request
        self.rows = rows
        self.reachesStart = reachesStart
        self.reachesEnd = reachesEnd
    }
}
