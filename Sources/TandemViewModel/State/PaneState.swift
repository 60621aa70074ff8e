/// One list pane: a window of rows around the cursor, loaded from the store by key. The window never
/// holds more than `PaneState.capacity` rows, so a pane over a million records is as light as one over
/// fifty.
public struct PaneState: Equatable, Sendable {
    public static let capacity = 300

    public let id: PaneID
    /// The loaded window, in list order.
    public var rows: [ListRow] = []
    /// Whether the window starts at the list's first row / ends at its last.
    public var atStart = true
    public var atEnd = true
    /// Index into `rows` of the cursor, and of the first visible row.
    public var cursor = 0
    public var scroll = 0
    /// Rows matching the filter, in the whole table.
    public var total = 0
    /// The total is being counted (after the rows arrived); until it is, the pane shows "…".
    public var counting = false
    public var filter = ""
    public var selection = Selection()
    /// Range mode (`v`): moving selects every row passed.
    public var rangeMode = false
    /// The Shift-arrow run under way, if the last key was one.
    public var shiftExtension: ShiftExtension?
    public var pending: PendingMove?
    /// Bumped whenever the rows must be reloaded from scratch (a new filter); older loads are ignored.
    public var generation = 0
    public var loading = false

    public init(id: PaneID) { self.id = id }

    public var currentRow: ListRow? { rows.indices.contains(cursor) ? rows[cursor] : nil }
}
