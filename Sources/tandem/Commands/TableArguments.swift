import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

/// `erp Customer`, `crm contact`, …: a table named on the command line.
struct TableArguments: ParsableArguments {
    @Argument(help: "erp or crm.")
    var side: Side
    @Argument(help: "The table: Customer, Contact, account, contact (or customers, contacts, accounts, crm-contacts).")
    var table: String
    @Argument(help: "The CSV file.")
    var file: String

    func resolve(in opened: SQLiteWorkspace) throws -> SQLiteRecordSource {
        guard let schema = ListName.table(table, on: side) else {
            let names = StandardTables.tables(on: side).map(\.name).joined(separator: ", ")
            throw CommandError(.unknownTable, "The \(side.displayName) has no table \"\(table)\"; it has \(names).", usage: true)
        }
        return try opened.table(schema.name, on: side)
    }
}
