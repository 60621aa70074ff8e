import TandemCore
import TandemSQLite

/// A record named on the command line, with its table and the mapping it takes part in.
struct ResolvedRecord {
    let side: Side
    let table: any RecordSource
    let record: Record
    let mapping: TableMapping

    var label: String { table.schema.label(of: record) }
}
