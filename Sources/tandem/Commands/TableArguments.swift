import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

/// `erp Customer`, `crm contact`, …: a table named on the command line.
struct TableArguments: ParsableArguments {
    @Argument(help: ArgumentHelp(tr("erp or crm.")))
    var side: Side
    @Argument(help: ArgumentHelp(tr("The table: Customer, Contact, Salesperson, account, contact, systemuser (or customers, contacts, salespeople, accounts, crm-contacts, crm-users).")))
    var table: String
    @Argument(help: ArgumentHelp(tr("The CSV file.")))
    var file: String

    /// The named table, as files are imported into it and exported from it: a folder workspace's own
    /// table (a connected side's replica, never its service), or a shared workspace's.
    func resolve(in opened: OpenedWorkspace) throws -> any ImportableRecordSource {
        guard let schema = ListName.table(table, on: side) else {
            let names = StandardTables.tables(on: side).map(\.name).joined(separator: ", ")
            throw CommandError(.unknownTable, tr("The {0} has no table \"{1}\"; it has {2}.", side.displayName, table, names), usage: true)
        }
        return try opened.importable(schema.name, on: side)
    }
}
