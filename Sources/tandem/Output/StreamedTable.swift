import TandemCore

/// A `TextTable` printed as it fills, for output of any length. The column widths are measured over the
/// first rows handed to it (the first page or batch: every row, for short output) and kept for the rest,
/// so only one page is ever held; a later cell wider than its column is cut with an ellipsis, as any cell
/// wider than the column's maximum always is.
struct StreamedTable {
    private var table: TextTable
    private var widths: [Int]?

    init(_ columns: [TextTable.Column]) { table = TextTable(columns) }

    /// Prints these rows, after the title line if nothing was printed yet.
    mutating func print(_ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        table.rows = []
        for row in rows { table.add(row) }
        if let widths {
            Console.out(table.rows.map { table.line($0, widths: widths) }.joined(separator: "\n"))
        } else {
            let measured = table.widths()
            widths = measured
            Console.out(([table.columns.map(\.title)] + table.rows).map { table.line($0, widths: measured) }
                .joined(separator: "\n"))
        }
    }

    /// Prints the title line alone when no row came.
    func finish() {
        guard widths == nil else { return }
        Console.out(table.render())
    }
}
