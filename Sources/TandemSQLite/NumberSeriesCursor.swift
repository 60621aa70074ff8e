import TandemCore

/// Hands out the next numbers of a table's number series within one import: after the highest the
/// table has and the highest the file itself names, so a new number never meets a later row's.
struct NumberSeriesCursor {
    let table: any RecordSource
    /// Numbers the file gives its rows.
    let taken: [String]
    private var last: String?

    init(table: any RecordSource, taken: [String]) {
        self.table = table
        self.taken = taken
    }

    mutating func next() throws -> String {
        let number: String
        if let last, let prefix = table.schema.numberPrefix {
            number = NumberSeries.next(after: [last], prefix: prefix)
        } else {
            let fromTable = try table.nextNumber()
            guard let prefix = table.schema.numberPrefix else { return fromTable }
            let fromFile = NumberSeries.next(after: taken, prefix: prefix)
            number = (NumberSeries.number(in: fromFile, prefix: prefix) ?? 0) > (NumberSeries.number(in: fromTable, prefix: prefix) ?? 0)
                ? fromFile : fromTable
        }
        last = number
        return number
    }
}
