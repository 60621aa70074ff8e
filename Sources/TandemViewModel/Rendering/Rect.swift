/// A rectangle of the screen, in cells: what a screen is laid out into and a widget draws within,
/// instead of column arithmetic inline. Splitting never yields a negative size.
public struct Rect: Equatable, Sendable {
    public var column: Int
    public var row: Int
    public var width: Int
    public var height: Int

    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The whole screen.
    public init(_ size: Size) { self.init(column: 0, row: 0, width: size.width, height: size.height) }

    /// The first `rows` rows, and the rest below them.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(column: column, row: row, width: width, height: taken),
                Rect(column: column, row: row + taken, width: width, height: height - taken))
    }

    /// The last `rows` rows, and the rest above them.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(column: column, row: row, width: width, height: height - taken),
                Rect(column: column, row: row + height - taken, width: width, height: taken))
    }

    /// The first `columns` columns, and the rest to their right after a `gap`.
    public func splitLeft(_ columns: Int, gap: Int = 0) -> (left: Rect, right: Rect) {
        let taken = min(max(0, columns), width)
        let skipped = min(max(0, gap), width - taken)
        return (Rect(column: column, row: row, width: taken, height: height),
                Rect(column: column + taken + skipped, row: row, width: width - taken - skipped, height: height))
    }

    /// The last `columns` columns, and the rest to their left.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let taken = min(max(0, columns), width)
        return (Rect(column: column, row: row, width: width - taken, height: height),
                Rect(column: column + width - taken, row: row, width: taken, height: height))
    }

    /// A `width` × `height` rectangle in the middle of this one.
    public func centred(width: Int, height: Int) -> Rect {
        Rect(column: column + (self.width - width) / 2, row: row + (self.height - height) / 2, width: width, height: height)
    }

    /// Row `index` of the rectangle, one row high.
    public func line(_ index: Int) -> Rect { Rect(column: column, row: row + index, width: width, height: 1) }
}
