/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Column headings that name nothing in the table, left out.
    public var ignoredColumns: [String] = []

    public init() {}

    /// Rows the file held.
    public var rows: Int { added + updated + unchanged }
}
