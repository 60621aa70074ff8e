import TandemCore

/// Aligned text columns, measured in terminal columns (CJK counts two), each cell sanitised. On a
/// terminal a cell is cut with an ellipsis at its column's maximum width; into a pipe or a file every
/// value is printed whole (`tandem errors | cat` must show whole ids), columns as wide as they need.
struct TextTable {
    struct Column {
        var title: String
        var maxWidth: Int = 40
        var alignRight = false
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// Whether cells are cut at their column's maximum (standard output is a terminal).
    var cuts: Bool

    init(_ columns: [Column], cuts: Bool = Console.outputIsTerminal) {
        self.columns = columns
        self.cuts = cuts
    }

    mutating func add(_ row: [String]) { rows.append(row.map(DisplayText.sanitized)) }

    func render() -> String {
        let widths = widths()
        return ([columns.map(\.title)] + rows).map { line($0, widths: widths) }.joined(separator: "\n")
    }

    /// Each column's width: its widest cell or title, at most its maximum when cells are cut.
    func widths() -> [Int] {
        columns.indices.map { index in
            let widest = max(DisplayWidth.of(columns[index].title), rows.map { DisplayWidth.of($0[index]) }.max() ?? 0)
            return cuts ? min(columns[index].maxWidth, widest) : widest
        }
    }

    /// One row at these widths, cells cut with an ellipsis when cells are cut (else a wider cell
    /// pushes the rest of its line right), trailing spaces dropped.
    func line(_ cells: [String], widths: [Int]) -> String {
        cells.indices.map { index in
            let cell = cuts ? DisplayWidth.truncate(cells[index], to: widths[index]) : cells[index]
            let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
            return columns[index].alignRight ? padding + cell : cell + padding
        }
        .joined(separator: "  ").droppingTrailingSpaces
    }
}

private extension String {
    /// The text without the spaces that pad its last column (a regex here cost minutes over a million
    /// rows).
    var droppingTrailingSpaces: String {
        guard last == " " else { return self }
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}
