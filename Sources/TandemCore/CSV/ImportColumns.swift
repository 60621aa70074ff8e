/// What the columns of a file to import stand for.
public struct ImportColumns: Sendable, Equatable {
    /// Per column, the field it sets, `id`/`modifiedAt`, or nil when it is ignored.
    public var targets: [String?]
    /// Headings that name nothing in the table, ignored (and reported).
    public var ignored: [String]
}
