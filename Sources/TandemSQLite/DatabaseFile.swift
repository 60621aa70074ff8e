import Foundation
import GRDB

/// Which of a workspace's three databases a file is.
public enum DatabaseKind: String, Sendable, CaseIterable {
    case erp = "tandem-erp"
    case crm = "tandem-crm"
    case workspace = "tandem-workspace"
}

/// Why a database file was refused. Tandem never overwrites a file it refused.
public enum DatabaseFileError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case alreadyExists(path: String)
    case notADatabase(path: String)
    case notTandem(path: String)
    case wrongKind(path: String, found: String, expected: DatabaseKind)
    case newerSchema(path: String, found: Int, supported: Int)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such database."
        case .alreadyExists(let path): "\(path) already exists; refusing to overwrite it."
        case .notADatabase(let path): "\(path) is not an SQLite database (corrupt, or another kind of file); it was left untouched."
        case .notTandem(let path): "\(path) is an SQLite database but not a Tandem one; it was left untouched."
        case .wrongKind(let path, let found, let expected):
            "\(path) is a \(found) database where a \(expected.rawValue) database was expected."
        case .newerSchema(let path, let found, let supported):
            "\(path) has schema version \(found), newer than this Tandem supports (\(supported)); update Tandem."
        case .unreadable(let path, let reason): "\(path) cannot be read: \(reason)"
        }
    }
}

/// Opens (or creates) one of a workspace's SQLite files: WAL mode, versioned migrations, and a
/// `tandem_meta` table that says what the file is, checked before anything is written.
public enum DatabaseFile {
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Creates a new database of `kind` at `path`, which must not exist yet.
    public static func create(at path: String, kind: DatabaseKind, migrator: DatabaseMigrator,
                              schemaVersion: Int) throws -> DatabasePool {
        guard !FileManager.default.fileExists(atPath: path) else { throw DatabaseFileError.alreadyExists(path: path) }
        let pool = try DatabasePool(path: path, configuration: configuration())
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE tandem_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO tandem_meta (key, value) VALUES ('kind', ?), ('schemaVersion', ?)",
                           arguments: [kind.rawValue, String(schemaVersion)])
        }
        try migrator.migrate(pool)
        return pool
    }

    /// Opens an existing database of `kind`, refusing anything that is not one, or is newer.
    public static func open(at path: String, kind: DatabaseKind, migrator: DatabaseMigrator,
                            schemaVersion: Int) throws -> DatabasePool {
        guard FileManager.default.fileExists(atPath: path) else { throw DatabaseFileError.missing(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatabaseFileError.unreadable(path: path, reason: "permission denied")
        }
        let header = try handle.read(upToCount: sqliteHeader.count) ?? Data()
        try? handle.close()
        guard Array(header) == sqliteHeader else { throw DatabaseFileError.notADatabase(path: path) }

        // Read the meta table through a read-only connection first, so a foreign file is never touched.
        var readOnly = configuration()
        readOnly.readonly = true
        let meta: [String: String]
        do {
            let probe = try DatabaseQueue(path: path, configuration: readOnly)
            meta = try probe.read { db in
                guard try db.tableExists("tandem_meta") else { return [:] }
                return Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM tandem_meta").map {
                    ($0["key"] as String, $0["value"] as String)
                }, uniquingKeysWith: { $1 })
            }
            try probe.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw DatabaseFileError.notADatabase(path: path)
        }
        guard let found = meta["kind"] else { throw DatabaseFileError.notTandem(path: path) }
        guard found == kind.rawValue else { throw DatabaseFileError.wrongKind(path: path, found: found, expected: kind) }
        let version = Int(meta["schemaVersion"] ?? "") ?? 0
        guard version <= schemaVersion else {
            throw DatabaseFileError.newerSchema(path: path, found: version, supported: schemaVersion)
        }
        let pool = try DatabasePool(path: path, configuration: configuration())
        try migrator.migrate(pool)
        if version < schemaVersion {
            try pool.write { db in
                try db.execute(sql: "UPDATE tandem_meta SET value = ? WHERE key = 'schemaVersion'",
                               arguments: [String(schemaVersion)])
            }
        }
        return pool
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
