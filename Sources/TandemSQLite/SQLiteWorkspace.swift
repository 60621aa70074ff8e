import Foundation
import GRDB
import TandemCore

/// A workspace folder: `erp.sqlite` (the ERP side), `crm.sqlite` (the CRM side) and `workspace.sqlite`
/// (mappings, couplings, jobs). The two sides are separate databases because in real life they are
/// two systems that share no transaction.
public struct SQLiteWorkspace: ReplicaHost, Sendable {
    public static let erpFileName = "erp.sqlite"
    public static let crmFileName = "crm.sqlite"
    public static let workspaceFileName = "workspace.sqlite"

    public let folder: String
    public let workspace: Workspace
    public let erpTables: [String: SQLiteRecordSource]
    public let crmTables: [String: SQLiteRecordSource]

    /// Whether the folder holds a workspace (any of its files).
    public static func exists(at folder: String) -> Bool {
        [erpFileName, crmFileName, workspaceFileName].contains {
            FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0))
        }
    }

    /// Creates an empty workspace with the default mappings; refuses a folder that already has one.
    public static func create(at folder: String, mappings: [TableMapping] = DefaultMappings.all,
                              clock: any TimeSource = SystemTimeSource()) throws -> SQLiteWorkspace {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in [erpFileName, crmFileName, workspaceFileName] {
            let path = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { throw DatabaseFileError.alreadyExists(path: path) }
        }
        let opened = try connect(folder: folder, clock: clock) { path, kind, migrator, version in
            try DatabaseFile.create(at: path, kind: kind, migrator: migrator, schemaVersion: version)
        }
        for mapping in mappings { try opened.workspace.store.save(mapping) }
        return opened
    }

    /// Opens an existing workspace, refusing files that are not Tandem's or are from a newer version.
    /// `.reading` opens every file read-only and writes nothing; `.writing` refuses files it cannot
    /// write, upgrades older schemas, and marks jobs whose process died as interrupted on the way in.
    public static func open(at folder: String, access: AccessMode,
                            clock: any TimeSource = SystemTimeSource()) throws -> SQLiteWorkspace {
        let opened = try connect(folder: folder, clock: clock) { path, kind, migrator, version in
            try DatabaseFile.open(at: path, kind: kind, migrator: migrator, schemaVersion: version, access: access)
        }
        if access == .writing { try opened.workspace.markInterruptedJobs() }
        return opened
    }

    /// The workspace's own files, WAL and shared-memory files included: what no export may overwrite.
    public static func files(in folder: String) -> [String] {
        [erpFileName, crmFileName, workspaceFileName].flatMap { name in
            ["", "-wal", "-shm"].map { (folder as NSString).appendingPathComponent(name + $0) }
        }
    }

    /// Removes a workspace's files (for `init --force`); other files in the folder are left alone.
    public static func remove(at folder: String) throws {
        for path in files(in: folder) where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
        let leases = (folder as NSString).appendingPathComponent("leases")
        if FileManager.default.fileExists(atPath: leases) { try FileManager.default.removeItem(atPath: leases) }
    }

    private static func connect(
        folder: String, clock: any TimeSource,
        _ opener: (String, DatabaseKind, DatabaseMigrator, Int) throws -> GuardedPool
    ) throws -> SQLiteWorkspace {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let erpPool = try opener(path(erpFileName), .erp, SideDatabase.migrator(for: .erp), SideDatabase.schemaVersion)
        let crmPool = try opener(path(crmFileName), .crm, SideDatabase.migrator(for: .crm), SideDatabase.schemaVersion)
        let workspacePool = try opener(path(workspaceFileName), .workspace, WorkspaceDatabase.migrator(path: path(workspaceFileName)),
                                       WorkspaceDatabase.schemaVersion)
        let erp = StandardTables.tables(on: .erp).map { SQLiteRecordSource(pool: erpPool, schema: $0, clock: clock) }
        let crm = StandardTables.tables(on: .crm).map { SQLiteRecordSource(pool: crmPool, schema: $0, clock: clock) }
        let workspace = Workspace(store: SQLiteWorkspaceStore(pool: workspacePool), erpTables: erp, crmTables: crm,
                                  clock: clock, leases: FileJobLeases(folder: folder))
        return SQLiteWorkspace(folder: folder, workspace: workspace,
                               erpTables: Dictionary(uniqueKeysWithValues: erp.map { ($0.schema.name, $0) }),
                               crmTables: Dictionary(uniqueKeysWithValues: crm.map { ($0.schema.name, $0) }))
    }

    /// The replica of table `name` on `side`, for a side that lives in a remote service.
    public func replica(_ name: String, on side: Side) throws -> any RecordReplica {
        SQLiteReplica(records: try table(name, on: side), clock: workspace.clock)
    }

    /// Where `side` lives when it is not the embedded database (nil: it is).
    public func connection(on side: Side) throws -> SideConnection? {
        try sideTables(side).first?.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT kind, url, company, connectedAt FROM remote_connection").map { row in
                let stored = StoredRow(row, path: self.sideTables(side).first?.pool.path ?? "", table: "remote_connection")
                return SideConnection(kind: try stored.text(0), url: try stored.text(1), company: try stored.text(2),
                                      connectedAt: Timestamp(milliseconds: try stored.integer(3)))
            }
        }
    }

    /// Records where `side` lives (nil: back to the embedded database). Going back keeps the records
    /// as the embedded side's own and forgets their remote ids, ETags and cursors.
    public func setConnection(_ connection: SideConnection?, on side: Side) throws {
        try sideTables(side).first?.pool.write { db in
            try db.execute(sql: "DELETE FROM remote_connection")
            if let connection {
                try db.execute(sql: "INSERT INTO remote_connection (singleton, kind, url, company, connectedAt) VALUES (1, ?, ?, ?, ?)",
                               arguments: [connection.kind, connection.url, connection.company, connection.connectedAt.milliseconds])
            } else {
                try db.execute(sql: "DELETE FROM remote_rows")
                try db.execute(sql: "DELETE FROM pull_state")
            }
        }
    }

    private func sideTables(_ side: Side) -> [SQLiteRecordSource] {
        Array((side == .erp ? erpTables : crmTables).values)
    }

    /// The SQLite table `name` on `side`.
    public func table(_ name: String, on side: Side) throws -> SQLiteRecordSource {
        guard let table = (side == .erp ? erpTables : crmTables)[name] else { throw TandemError.unknownTable(side, name) }
        return table
    }
}
