import Foundation
import TandemCore
import TandemPostgres
import TandemSQLite

/// The workspace a command works on: a folder of SQLite files (the embedded default) or a shared
/// PostgreSQL database. Commands read and write through `workspace` (and `table`), which is the same
/// for both; what only a folder workspace has yet (replicas of connected sides, file import and
/// export, replacement by `init`/`generate`) is reached through `folder(for:)`, which names the
/// command when the workspace is on PostgreSQL.
struct OpenedWorkspace {
    let workspace: Workspace
    /// The folder's last component, or the database's name: the title of the screens.
    let name: String
    /// The folder workspace, when it is one.
    let sqlite: SQLiteWorkspace?
    /// The PostgreSQL address, when it is one.
    let postgres: PostgresAddress?

    init(_ opened: SQLiteWorkspace) {
        workspace = opened.workspace
        name = (opened.folder as NSString).lastPathComponent
        sqlite = opened
        postgres = nil
    }

    init(_ opened: PostgresWorkspace) {
        workspace = opened.workspace
        name = opened.address.database
        sqlite = nil
        postgres = opened.address
    }

    /// A table as the engine sees it (a connected side's table reads its replica and writes through the service).
    func table(_ name: String, on side: Side) throws -> any RecordSource { try workspace.table(name, on: side) }

    /// The folder workspace, or a clear refusal naming what does not work on PostgreSQL yet.
    func folder(for command: String) throws -> SQLiteWorkspace {
        guard let sqlite else {
            throw CommandError(.refused, tr("{0} works on a folder workspace only for now; {1} is on PostgreSQL.", command,
                                            postgres?.description ?? name))
        }
        return sqlite
    }
}
