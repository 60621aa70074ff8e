import Foundation
import GRDB

/// Opens (or creates) one of a workspace's SQLite files: WAL mode, versioned migrations, and a
/// `tandem_meta` table that says what the file is, checked before anything is written. Opening an
/// existing file whose schema is current writes nothing; only a writing open migrates.
public enum DatabaseFile {
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Creates a new database of `kind` at `path`, which must not exist yet.
    static func create(at path: String, kind: DatabaseKind, migrator: DatabaseMigrator,
                       schemaVersion: Int) throws -> GuardedPool {
        guard !FileManager.default.fileExists(atPath: path) else { throw DatabaseFileError.alreadyExists(path: path) }
        var configuration = configuration()
        configuration.journalMode = .wal
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE tandem_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO tandem_meta (key, value) VALUES ('kind', ?), ('schemaVersion', ?)",
                           arguments: [kind.rawValue, String(schemaVersion)])
        }
        try migrator.migrate(queue)
        return try GuardedPool(path: path, access: .writing, writeQueue: queue)
    }

    /// Opens an existing database of `kind`, refusing anything that is not one, or is newer. Every
    /// check reads through read-only connections, so a foreign or corrupt file is never touched.
    static func open(at path: String, kind: DatabaseKind, migrator: DatabaseMigrator,
                     schemaVersion: Int, access: AccessMode) throws -> GuardedPool {
        guard FileManager.default.fileExists(atPath: path) else { throw DatabaseFileError.missing(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatabaseFileError.unreadable(path: path, reason: tr("permission denied"))
        }
        let header = try handle.read(upToCount: sqliteHeader.count) ?? Data()
        try? handle.close()
        guard Array(header) == sqliteHeader else { throw DatabaseFileError.notADatabase(path: path) }
        if access == .writing { try checkWritable(path) }

        let pool = try GuardedPool(path: path, access: access)
        let (meta, migrated, superseded) = try pool.read { db -> ([String: String], Bool, Bool) in
            guard try db.tableExists("tandem_meta") else { return ([:], false, false) }
            let meta = Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM tandem_meta").map { row in
                let stored = StoredRow(row, path: path, table: "tandem_meta")
                return (try stored.text("key"), try stored.text("value"))
            }, uniquingKeysWith: { $1 })
            return (meta, try migrator.hasCompletedMigrations(db), try migrator.hasBeenSuperseded(db))
        }
        guard let found = meta["kind"] else { throw DatabaseFileError.notTandem(path: path) }
        guard found == kind.rawValue else { throw DatabaseFileError.wrongKind(path: path, found: found, expected: kind) }
        let version = Int(meta["schemaVersion"] ?? "") ?? 0
        // GRDB knows a newer file by the migrations it has that this build does not; the stored
        // version only names it in the message.
        guard !superseded else {
            throw DatabaseFileError.newerSchema(path: path, found: version, supported: schemaVersion)
        }
        guard version < schemaVersion || !migrated else { return pool }
        guard access == .writing else {
            throw DatabaseFileError.olderSchema(path: path, found: version, supported: schemaVersion)
        }
        try pool.migrate(migrator)
        try pool.write { db in
            try db.execute(sql: "UPDATE tandem_meta SET value = ? WHERE key = 'schemaVersion'",
                           arguments: [String(schemaVersion)])
        }
        return pool
    }

    /// A writing command refuses, before it starts, a file or folder it could not write to (a
    /// read-only mount, a file without write permission).
    static func checkWritable(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard access(path, W_OK) == 0, access(folder.isEmpty ? "." : folder, W_OK) == 0 else {
            throw DatabaseFileError.readOnly(path: path)
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // WAL with NORMAL is crash-safe (a commit may be lost on power failure, never corrupted).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Keys are random UUIDs, so a batch touches pages all over a table: an 8 MB page cache per
            // connection (SQLite's default is 2 MB) keeps a batch's pages between its reads and its
            // writes. A memory map was measured too: no faster here, and it made every page of a
            // 1,000,000-row list resident (375 MB peak for a walk through the list).
            try db.execute(sql: "PRAGMA cache_size = -8192")
        }
        return config
    }
}

extension String {
    /// The text as an SQL identifier: `"No."`, `"Country/Region Code"`.
    var quotedIdentifier: String { "\"" + replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
