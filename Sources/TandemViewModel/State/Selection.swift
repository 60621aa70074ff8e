import TandemCore

/// Which rows are selected. "All shown" is kept as a flag with exceptions, so selecting every row of
/// a million-row list costs nothing and needs no rows loaded.
public struct Selection: Equatable, Sendable {
    /// Every row matching the pane's filter, except `toggled`.
    public private(set) var all = false
    /// The rows toggled away from the default (selected when `all` is false, deselected when true).
    public private(set) var toggled: Set<RecordID> = []

    public init() {}

    public func contains(_ id: RecordID) -> Bool { all != toggled.contains(id) }

    public mutating func toggle(_ id: RecordID) {
        if toggled.contains(id) { toggled.remove(id) } else { toggled.insert(id) }
    }

    public mutating func select(_ id: RecordID) {
        if !contains(id) { toggle(id) }
    }

    public mutating func selectAll() {
        all = true
        toggled = []
    }

    public mutating func clear() {
        all = false
        toggled = []
    }

    /// How many rows are selected in a list of `total` rows.
    public func count(of total: Int) -> Int { all ? max(0, total - toggled.count) : toggled.count }

    public var isEmpty: Bool { !all && toggled.isEmpty }
}
