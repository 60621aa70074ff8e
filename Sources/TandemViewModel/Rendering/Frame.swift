/// A whole screen of cells, row by row: what `render` produces and the terminal paints.
public struct Frame: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = Cell()) {
        self.size = size
        cells = Array(repeating: fill, count: max(0, size.width * size.height))
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * size.width + column] }
        set {
            guard row >= 0, row < size.height, column >= 0, column < size.width else { return }
            cells[row * size.width + column] = newValue
        }
    }

    /// The text of one row, continuation cells left out.
    public func line(_ row: Int) -> String {
        (0..<size.width).map { self[row, $0].text }.joined()
    }

    /// Every row as text: what golden tests compare.
    public var lines: [String] { (0..<size.height).map(line) }

    /// The rows as text with trailing spaces removed, joined by newlines.
    public var text: String {
        lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// The style of each cell of a row, one letter per column (see `StyleRole.letter`), for tests
    /// that check where the cursor, selection and marks are.
    public func styleLine(_ row: Int) -> String {
        (0..<size.width).map { self[row, $0].style.letter }.joined()
    }
}
