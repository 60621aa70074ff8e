import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

/// `erp Customer`, `crm contact`, …: a table named on the command line.
struct TableArguments: ParsableArguments {
    @Argument(help: ArgumentHelp(tr("erp or crm.")))
    var side: Side
    @Argument(help: ArgumentHelp(tr("The table: Customer, Contact, account, contact (or customers, contacts, accounts, crm-contacts).")))
    var table: String
    @Argument(help: ArgumentHelp(tr("The CSV file.")))
    var file: String

    func resolve(in opened: SQLiteWorkspace) throws -> SQLiteRecordSource {
        guard let schema = ListName.table(table, on: side) else {
            let names = StandardTables.tables(on: side).map(\.name).joined(separator: ", ")
            throw CommandError(.unknownTable, tr("The {0} has no table \"{1}\"; it has {2}.", side.displayName, table, names), usage: true)
        }
        return try opened.table(schema.name, on: side)
    }
}
