import Foundation
import TandemCore
import TandemPostgres
import TandemSQLite

/// The workspace a command works on: a folder of SQLite files (the embedded default) or a shared
/// PostgreSQL database. Commands read and write through `workspace` (and `table`), which is the same
/// for both, and import and export through `importable`; what only a folder workspace has yet (the
/// connected sides' replicas and services) is reached through `folder(for:)`, which names the
/// command when the workspace is on PostgreSQL.
struct OpenedWorkspace {
    let workspace: Workspace
    /// The folder's last component, or the database's name: the title of the screens.
    let name: String
    /// The folder workspace, when it is one.
    let sqlite: SQLiteWorkspace?
    /// The shared workspace, when it is one.
    let shared: PostgresWorkspace?

    init(_ opened: SQLiteWorkspace) {
        workspace = opened.workspace
        name = (opened.folder as NSString).lastPathComponent
        sqlite = opened
        shared = nil
    }

    init(_ opened: PostgresWorkspace) {
        workspace = opened.workspace
        name = opened.address.database
        sqlite = nil
        shared = opened
    }

    /// A table as the engine sees it (a connected side's table reads its replica and writes through the service).
    func table(_ name: String, on side: Side) throws -> any RecordSource { try workspace.table(name, on: side) }

    /// A table as files are imported into it: a folder's own table (a connected side's replica, which
    /// an import fills without sending anything), or a shared workspace's.
    func importable(_ name: String, on side: Side) throws -> any ImportableRecordSource {
        if let sqlite { return try sqlite.table(name, on: side) }
        guard let table = (side == .erp ? shared?.erpTables : shared?.crmTables)?[name] else { throw TandemError.unknownTable(side, name) }
        return table
    }

    /// The folder workspace, or a clear refusal naming what does not work on PostgreSQL yet.
    func folder(for command: String) throws -> SQLiteWorkspace {
        guard let sqlite else {
            throw CommandError(.refused, tr("{0} works on a folder workspace only for now; {1} is on PostgreSQL.", command,
                                            shared?.address.description ?? name))
        }
        return sqlite
    }
}
