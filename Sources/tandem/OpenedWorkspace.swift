import Foundation
import TandemConnectors
import TandemCore
import TandemPostgres
import TandemSQLite

/// The workspace a command works on: a folder of SQLite files (the embedded default) or a shared
/// PostgreSQL database. Commands read and write through `workspace` (and `table`), which is the same
/// for both, import and export through `importable`, and the connected sides' replicas, services
/// and pulls through `connected` (attached once, when the workspace is opened).
struct OpenedWorkspace {
    /// The sides as the engine sees them: a connected side's tables read its replica and write
    /// through its service.
    let connected: ConnectedWorkspace
    /// The folder's last component, or the database's name: the title of the screens.
    let name: String
    /// The folder workspace, when it is one.
    let sqlite: SQLiteWorkspace?
    /// The shared workspace, when it is one.
    let shared: PostgresWorkspace?

    var workspace: Workspace { connected.workspace }

    /// The workspace as opened, which keeps the connected sides' replicas and where each side lives.
    var host: any ReplicaHost { connected.opened }

    /// A folder workspace, with its connected sides in place.
    init(_ opened: SQLiteWorkspace) throws {
        connected = try ConnectedWorkspace.attach(opened, environment: ProcessInfo.processInfo.environment)
        name = (opened.folder as NSString).lastPathComponent
        sqlite = opened
        shared = nil
    }

    /// A shared workspace, with its connected sides in place.
    init(_ opened: PostgresWorkspace) throws {
        connected = try ConnectedWorkspace.attach(opened, environment: ProcessInfo.processInfo.environment)
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

}
