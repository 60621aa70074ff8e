import TandemCore

/// Aligned text columns, measured in terminal columns (CJK counts two), each cell sanitised and cut
/// with an ellipsis at the column's maximum width.
struct TextTable {
    struct Column {
        var title: String
        var maxWidth: Int = 40
        var alignRight = false
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row.map(DisplayText.sanitized)) }

    func render() -> String {
        let widths = widths()
        return ([columns.map(\.title)] + rows).map { line($0, widths: widths) }.joined(separator: "\n")
    }

    /// Each column's width: its widest cell or title, at most its maximum.
    func widths() -> [Int] {
        columns.indices.map { index in
            min(columns[index].maxWidth,
                max(DisplayWidth.of(columns[index].title), rows.map { DisplayWidth.of($0[index]) }.max() ?? 0))
        }
    }

    /// One row at these widths, cells cut with an ellipsis, trailing spaces dropped.
    func line(_ cells: [String], widths: [Int]) -> String {
        cells.indices.map { index in
            let cell = DisplayWidth.truncate(cells[index], to: widths[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
            return columns[index].alignRight ? padding + cell : cell + padding
        }
        .joined(separator: "  ").replacing(/\s+$/, with: "")
    }
}
