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
        case .missing(let path): "\(path): no such database."
        case .alreadyExists(let path): "\(path) already exists; refusing to overwrite it."
        case .notADatabase(let path): "\(path) is not an SQLite database (corrupt, or another kind of file); it was left untouched."
        case .notTandem(let path): "\(path) is an SQLite database but not a Tandem one; it was left untouched."
        case .wrongKind(let path, let found, let expected):
            "\(path) is a \(found) database where a \(expected.rawValue) database was expected."
        case .newerSchema(let path, let found, let supported):
            "\(path) has schema version \(found), newer than this Tandem supports (\(supported)); update Tandem."
        case .unreadable(let path, let reason): "\(path) cannot be read: \(reason)"
        case .corrupt(let path, let reason):
            "\(path) is corrupt (\(reason)); Tandem stopped and wrote nothing more to it. Restore it from a backup."
        case .readOnly(let path): "\(path) cannot be written (read-only file, folder or mount); nothing was changed."
        case .olderSchema(let path, let found, let supported):
            "\(path) has schema version \(found), older than this Tandem's (\(supported)); a command that writes upgrades it."
        }
    }
}
