import TandemCore

/// Draws text into a `Frame`: measured in terminal columns, cut with an ellipsis at whole graphemes,
/// never leaving half of a wide character. Text drawn here must already be sanitised
/// (`DisplayText.sanitized`); the placeholders that sanitising produced are drawn in the
/// `placeholder` role so they stand out from real text.
public struct Canvas {
    public private(set) var frame: Frame

    /// Where drawing may land; nil for the whole frame.
    private var clip: Rect?

    public init(size: Size) { frame = Frame(size: size) }

    /// Runs `body` with drawing confined to `rect`: whatever it draws outside is dropped, so a widget
    /// given a rectangle cannot spill out of it.
    public mutating func clipped(to rect: Rect, _ body: (inout Canvas) -> Void) {
        let outer = clip
        clip = rect
        body(&self)
        clip = outer
    }

    /// Sets one cell, unless it lies outside the clip.
    private mutating func put(_ row: Int, _ column: Int, _ cell: Cell) {
        if let clip, !(clip.row..<clip.row + clip.height).contains(row) || !(clip.column..<clip.column + clip.width).contains(column) {
            return
        }
        frame[row, column] = cell
    }

    public enum Alignment: Sendable { case left, right, center }

    /// Draws `text` in `width` columns from (`row`, `column`), padding with spaces in `style`.
    /// Returns the columns the text itself took.
    @discardableResult
    public mutating func draw(_ text: String, row: Int, column: Int, width: Int, style: StyleRole = .normal,
                              align: Alignment = .left) -> Int {
        guard width > 0, row >= 0, row < frame.size.height else { return 0 }
        let fitted = DisplayWidth.truncate(text, to: width)
        let used = DisplayWidth.of(fitted)
        let start: Int
        switch align {
        case .left: start = column
        case .right: start = column + width - used
        case .center: start = column + (width - used) / 2
        }
        fill(row: row, column: column, width: width, style: style)
        var position = start
        for character in fitted {
            let columns = DisplayWidth.of(character)
            guard columns > 0 else {
                // A lone zero-width grapheme (a stray combining mark): attach it to the previous cell.
                if position > column {
                    var previous = frame[row, position - 1]
                    previous.text += String(character)
                    put(row, position - 1, previous)
                }
                continue
            }
            guard position + columns <= column + width else { break }
            let role = Self.isPlaceholder(character) ? .placeholder : style
            put(row, position, Cell(String(character), style: role))
            if columns == 2 { put(row, position + 1, Cell("", style: role)) }
            position += columns
        }
        return used
    }

    /// Draws `text` on the first row of `rect`, within its width.
    @discardableResult
    public mutating func draw(_ text: String, in rect: Rect, style: StyleRole = .normal, align: Alignment = .left) -> Int {
        guard rect.height > 0 else { return 0 }
        return draw(text, row: rect.row, column: rect.column, width: rect.width, style: style, align: align)
    }

    /// Fills `width` cells with spaces in `style`.
    public mutating func fill(row: Int, column: Int, width: Int, style: StyleRole) {
        for offset in 0..<max(0, width) { put(row, column + offset, Cell(" ", style: style)) }
    }

    /// A box with a title in its top border.
    public mutating func box(top: Int, left: Int, width: Int, height: Int, title: String = "", style: StyleRole = .dialog) {
        guard width >= 2, height >= 2 else { return }
        for row in top..<(top + height) { fill(row: row, column: left, width: width, style: style) }
        for column in (left + 1)..<(left + width - 1) {
            put(top, column, Cell("─", style: style))
            put(top + height - 1, column, Cell("─", style: style))
        }
        for row in (top + 1)..<(top + height - 1) {
            put(row, left, Cell("│", style: style))
            put(row, left + width - 1, Cell("│", style: style))
        }
        put(top, left, Cell("┌", style: style))
        put(top, left + width - 1, Cell("┐", style: style))
        put(top + height - 1, left, Cell("└", style: style))
        put(top + height - 1, left + width - 1, Cell("┘", style: style))
        if !title.isEmpty {
            draw(" \(title) ", row: top, column: left + 2, width: min(DisplayWidth.of(title) + 2, width - 4), style: .dialogTitle)
        }
    }

    /// A box filling `rect`, with a title in its top border.
    public mutating func box(in rect: Rect, title: String = "", style: StyleRole = .dialog) {
        box(top: rect.row, left: rect.column, width: rect.width, height: rect.height, title: title, style: style)
    }

    /// The pictures `DisplayText.sanitized` puts in place of control characters.
    static func isPlaceholder(_ character: Character) -> Bool {
        character.unicodeScalars.contains { (0x2400...0x2421).contains($0.value) || $0.value == 0xFFFD }
    }
}
