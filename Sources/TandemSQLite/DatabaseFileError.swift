import Foundation
import GRDB

/// Why a database file was refused. Tandem never overwrites a file it refused.
public enum DatabaseFileError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case alreadyExists(path: String)
    case notADatabase(path: String)
    case notTandem(path: String)
    case wrongKind(path: String, found: String, expected: DatabaseKind)
    case newerSchema(path: String, found: Int, supported: Int)
    case unreadable(path: String, reason: String)
    case corrupt(path: String, reason: String)
    case readOnly(path: String)
    case olderSchema(path: String, found: Int, supported: Int)

    public var description: String {
        switch self {
        case .missing(let path): tr("{0}: no such database.", path)
        case .alreadyExists(let path): tr("{0} already exists; refusing to overwrite it.", path)
        case .notADatabase(let path): tr("{0} is not an SQLite database (corrupt, or another kind of file); it was left untouched.", path)
        case .notTandem(let path): tr("{0} is an SQLite database but not a Tandem one; it was left untouched.", path)
        case .wrongKind(let path, let found, let expected):
            tr("{0} is a {1} database where a {2} database was expected.", path, found, expected.rawValue)
        case .newerSchema(let path, let found, let supported):
            tr("{0} has schema version {1}, newer than this Tandem supports ({2}); update Tandem.", path, found, supported)
        case .unreadable(let path, let reason): tr("{0} cannot be read: {1}", path, reason)
        case .corrupt(let path, let reason):
            tr("{0} is corrupt ({1}); Tandem stopped and wrote nothing more to it. Restore it from a backup.", path, reason)
        case .readOnly(let path): tr("{0} cannot be written (read-only file, folder or mount); nothing was changed.", path)
        case .olderSchema(let path, let found, let supported):
            tr("{0} has schema version {1}, older than this Tandem's ({2}); a command that writes upgrades it.", path, found, supported)
        }
    }
}
