import Foundation

/// A file's bytes and modification time, to show that something left it exactly as it was.
public struct FileState: Equatable, Sendable {
    public let bytes: Data
    public let modified: Date?

    /// The state of the file at `path` (empty bytes when it cannot be read).
    public init(_ path: String) {
        bytes = FileManager.default.contents(atPath: path) ?? Data()
        modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// The states of several files, in order.
    public static func of(_ paths: [String]) -> [FileState] { paths.map(FileState.init) }
}
