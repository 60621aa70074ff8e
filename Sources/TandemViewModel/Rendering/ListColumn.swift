import TandemCore

/// A column of a list pane: which field, its title, how wide, and how early it drops as the
/// terminal narrows (higher `dropOrder` drops first; the flexible column never drops). A column may
/// grow up to `maxWidth` when the terminal is wide.
public struct ListColumn: Equatable, Sendable {
    public var field: String
    public var title: String
    public var width: Int
    public var dropOrder: Int
    public var flexible = false
    /// The widest the column grows on a wide terminal (its `width` when it does not grow).
    public var maxWidth: Int

    public init(field: String, title: String, width: Int, dropOrder: Int, flexible: Bool = false, maxWidth: Int? = nil) {
        self.field = field
        self.title = title
        self.width = width
        self.dropOrder = dropOrder
        self.flexible = flexible
        self.maxWidth = maxWidth ?? width
    }

    /// The name's width below which the first columns (number, city: `dropOrder` ≤ 3) drop.
    static let narrowNameWidth = 17
    /// The name's width below which the further columns (e-mail, phone) drop: the name takes the
    /// extra width of a widening terminal before they come in.
    static let comfortableNameWidth = 28
    /// The name's width before the columns that can grow (`maxWidth`) do, once all are in.
    static let roomyNameWidth = 40

    /// The columns that fit in `width` columns, the name first. Columns drop (highest `dropOrder`
    /// first) until the name keeps `narrowNameWidth` — or `comfortableNameWidth` while a further column
    /// is in. While a column is left out the name does not grow past the width that column waits for, so
    /// letting it in never narrows the name: a wider terminal never shows a narrower name. With every
    /// column in, extra width widens the name to `roomyNameWidth`, then the other columns up to their
    /// `maxWidth`, then the name again.
    static func layout(_ columns: [ListColumn], width: Int) -> [ListColumn] {
        var kept = columns
        func needed(_ set: [ListColumn]) -> Int { set.reduce(0) { $0 + $1.width } + max(0, set.count - 1) }
        func isFurther(_ column: ListColumn) -> Bool { !column.flexible && column.dropOrder > 3 }
        guard let name = kept.firstIndex(where: \.flexible) else { return kept }
        func required(_ set: [ListColumn]) -> Int { set.contains(where: isFurther) ? comfortableNameWidth : narrowNameWidth }
        kept[name].width = required(kept)
        while needed(kept) > width, let drop = kept.filter({ !$0.flexible }).max(by: { $0.dropOrder < $1.dropOrder }) {
            kept.removeAll { $0.field == drop.field }
            if let index = kept.firstIndex(where: \.flexible) { kept[index].width = required(kept) }
        }
        guard let flexible = kept.firstIndex(where: \.flexible) else { return kept }
        var spare = width - needed(kept)
        guard spare > 0 else {
            kept[flexible].width = max(1, kept[flexible].width + spare)
            return kept
        }
        // A column left out caps the name at what that column waits for; the rest stays blank.
        let waiting = columns.filter { column in !kept.contains { $0.field == column.field } }
        let cap = waiting.isEmpty ? roomyNameWidth
            : waiting.contains(where: isFurther) && !waiting.contains { !isFurther($0) } ? comfortableNameWidth : narrowNameWidth
        let toName = min(spare, max(0, cap - kept[flexible].width))
        kept[flexible].width += toName
        spare -= toName
        for index in kept.indices where index != flexible && spare > 0 {
            let grow = min(spare, max(0, kept[index].maxWidth - kept[index].width))
            kept[index].width += grow
            spare -= grow
        }
        if waiting.isEmpty { kept[flexible].width += spare }
        return kept
    }
}
