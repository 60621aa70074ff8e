import Foundation
import GRDB

/// The connections to one workspace file. Reads go through a pool of read-only connections; the one
/// writable connection is opened only when something is first written, and only with
/// `AccessMode.writing`. It is a plain queue on the file's existing WAL: a GRDB pool would write a
/// table into the file on every open. SQLite's corruption and read-only errors come back
/// naming the file, and once the file was found corrupt nothing more is written to it: a write
/// would spread the damage over pages someone may still want to recover.
final class GuardedPool: @unchecked Sendable {
    let path: String
    let access: AccessMode
    private let readPool: DatabasePool
    private let lock = NSLock()
    private var writeQueue: DatabaseQueue?
    private var foundCorrupt = false

    /// Opens the file's read-only connections; `writeQueue` is an already open writable one (a file
    /// just created).
    init(path: String, access: AccessMode, writeQueue: DatabaseQueue? = nil) throws {
        self.path = path
        self.access = access
        self.writeQueue = writeQueue
        var configuration = DatabaseFile.configuration()
        configuration.readonly = true
        do {
            readPool = try DatabasePool(path: Self.readLocation(path, access: access), configuration: configuration)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    deinit {
        // Readers first: the last connection to close checkpoints the WAL into the file, and only a
        // writable one may.
        try? readPool.close()
    }

    /// Where the read-only connections open the file. A WAL database needs its `-shm` file; in a
    /// folder that cannot be written (a read-only mount, a copy on a CD) and with no WAL left
    /// behind, SQLite's `immutable` flag reads the file without one. With a WAL present, or a
    /// writable folder, the ordinary read-only open keeps the locks that concurrent writers need.
    static func readLocation(_ path: String, access: AccessMode) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        guard access == .reading, Foundation.access(folder.isEmpty ? "." : folder, W_OK) != 0,
              !FileManager.default.fileExists(atPath: path + "-wal") else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        guard var components = URLComponents(url: absolute, resolvingAgainstBaseURL: false) else { return path }
        components.scheme = "file"
        components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
        return components.string ?? path
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try readPool.read(body)
        } catch let error as DatabaseError {
            throw failure(error)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer().write(body)
        } catch let error as DatabaseError {
            throw failure(error)
        }
    }

    /// Runs without a transaction on the writable connection (migrations).
    func migrate(_ migrator: DatabaseMigrator) throws {
        do {
            try migrator.migrate(try writer())
        } catch let error as DatabaseError {
            throw failure(error)
        }
    }

    /// The writable connection, opened on first use; for a reading workspace, the read-only one,
    /// whose writes SQLite refuses.
    private func writer() throws -> any DatabaseWriter {
        try lock.withLock {
            if foundCorrupt { throw DatabaseFileError.corrupt(path: path, reason: tr("found corrupt earlier; not writing to it")) }
            guard access == .writing else { return readPool }
            if let writeQueue { return writeQueue }
            let opened = try DatabaseQueue(path: path, configuration: DatabaseFile.configuration())
            writeQueue = opened
            return opened
        }
    }

    private func failure(_ error: DatabaseError) -> Error {
        let translated = Self.translate(error, path: path)
        if case DatabaseFileError.corrupt = translated { lock.withLock { foundCorrupt = true } }
        return translated
    }

    /// SQLite's errors about the file itself, as refusals that name it; any other error unchanged.
    static func translate(_ error: DatabaseError, path: String) -> Error {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            DatabaseFileError.corrupt(path: path, reason: error.message ?? "database disk image is malformed")
        case .SQLITE_READONLY:
            DatabaseFileError.readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            DatabaseFileError.unreadable(path: path, reason: error.message ?? "cannot open it")
        default:
            error
        }
    }
}
