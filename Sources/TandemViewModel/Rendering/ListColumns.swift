import TandemCore

/// A column of a list pane: which field, its title, how wide, and how early it drops as the
/// terminal narrows (higher `dropOrder` drops first; the flexible column never drops).
public struct ListColumn: Equatable, Sendable {
    public var field: String
    public var title: String
    public var width: Int
    public var dropOrder: Int
    public var flexible = false

    public init(field: String, title: String, width: Int, dropOrder: Int, flexible: Bool = false) {
        self.field = field
        self.title = title
        self.width = width
        self.dropOrder = dropOrder
        self.flexible = flexible
    }

    /// The columns that fit in `width` columns, with the flexible one taking what is left.
    static func layout(_ columns: [ListColumn], width: Int) -> [ListColumn] {
        var kept = columns
        func needed(_ set: [ListColumn]) -> Int { set.reduce(0) { $0 + $1.width } + max(0, set.count - 1) }
        while needed(kept) > width, let drop = kept.filter({ !$0.flexible }).max(by: { $0.dropOrder < $1.dropOrder }) {
            kept.removeAll { $0 == drop }
        }
        if let flexible = kept.firstIndex(where: \.flexible) {
            kept[flexible].width = max(1, width - needed(kept) + kept[flexible].width)
        }
        return kept
    }
}
