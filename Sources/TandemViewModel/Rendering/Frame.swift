import TandemCore

/// A terminal size in columns and rows.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Below this the screens cannot be laid out; a one-line notice is shown instead.
    public static let minimum = Size(width: 60, height: 16)
}

/// What a cell means, not how it looks: the terminal maps roles to colours, or to reverse, bold and
/// underline when there are no colours, so cursor, selection and conflicts stay distinguishable.
public enum StyleRole: String, Sendable, CaseIterable {
    case normal, title, header, status, keyHint
    case cursor, selected, cursorSelected, counterpart
    case coupled, changed, skipped, failed, conflict
    case dim, placeholder, error
    case dialog, dialogTitle, focused
}

/// One screen cell: a grapheme and its role. A wide grapheme (two columns) is followed by a
/// continuation cell whose text is empty.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: StyleRole

    public init(_ text: String = " ", style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }

    public var isContinuation: Bool { text.isEmpty }
}

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

extension StyleRole {
    /// A one-letter name for style maps in tests.
    public var letter: String {
        switch self {
        case .normal: "."
        case .title: "T"
        case .header: "H"
        case .status: "S"
        case .keyHint: "K"
        case .cursor: "C"
        case .selected: "s"
        case .cursorSelected: "X"
        case .counterpart: "P"
        case .coupled: "c"
        case .changed: "g"
        case .skipped: "k"
        case .failed: "f"
        case .conflict: "!"
        case .dim: "d"
        case .placeholder: "?"
        case .error: "E"
        case .dialog: "D"
        case .dialogTitle: "Q"
        case .focused: "F"
        }
    }
}
