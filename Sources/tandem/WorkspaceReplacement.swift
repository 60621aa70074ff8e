import Foundation
import TandemPostgres
import TandemSQLite

/// Makes a workspace, or replaces one (`init --force`, `generate --force`) without risking it. A
/// folder workspace is built in a folder beside the old one and swapped in only once it is complete;
/// a shared one (a `postgres://` address) is built in a temporary folder and copied into the
/// database in one transaction. Either way a failure while building (a bad sample file, a full disk,
/// a lost connection) leaves the old workspace as it was and nothing half-built behind.
enum WorkspaceReplacement {
    /// Whether a workspace is at `location` (a folder, or a database that holds Tandem's schema).
    static func exists(at location: String) throws -> Bool {
        guard PostgresAddress.isPostgres(location) else { return SQLiteWorkspace.exists(at: location) }
        return try PostgresWorkspace.exists(try PostgresAddress(location))
    }

    /// `location` as messages name it: a database's address never shows its password.
    static func name(of location: String) -> String {
        guard PostgresAddress.isPostgres(location) else { return location }
        return (try? PostgresAddress(location).description) ?? "postgres://…"
    }

    /// Runs `build` on the folder to fill (the workspace's own, or a staging folder), returning its result.
    static func make<Result>(at location: String, replacing: Bool, _ build: (String) throws -> Result) throws -> Result {
        if PostgresAddress.isPostgres(location) { return try makeShared(at: try PostgresAddress(location), build) }
        guard replacing else { return try build(location) }
        let staging = location + ".new-\(UUID().uuidString)"
        let result = try building(in: staging, build)
        try SQLiteWorkspace.remove(at: location)
        // A database moves with its WAL, should one be left.
        for (built, target) in zip(SQLiteWorkspace.files(in: staging), SQLiteWorkspace.files(in: location))
        where FileManager.default.fileExists(atPath: built) {
            try FileManager.default.moveItem(atPath: built, toPath: target)
        }
        try FileManager.default.removeItem(atPath: staging)
        return result
    }

    private static func makeShared<Result>(at address: PostgresAddress, _ build: (String) throws -> Result) throws -> Result {
        let staging = (NSTemporaryDirectory() as NSString).appendingPathComponent("tandem-shared-\(UUID().uuidString)")
        let result = try building(in: staging, build)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try SharedWorkspaceCopy.replace(address, with: try SQLiteWorkspace.open(at: staging, access: .reading))
        return result
    }

    /// `build` on `staging`, which is removed if it fails.
    private static func building<Result>(in staging: String, _ build: (String) throws -> Result) throws -> Result {
        do {
            return try build(staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }
}
