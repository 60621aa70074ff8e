/// Why an output file was refused or could not be written. A refused destination is left exactly
/// as it was; a failed write leaves the destination as it was and no temporary file behind.
public enum OutputFileError: Error, Equatable, CustomStringConvertible {
    case workspaceFile(path: String)
    case notARegularFile(path: String, kind: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .workspaceFile(let path):
            "\(path) is one of the workspace's own database files; refusing to write over it (nothing was written)."
        case .notARegularFile(let path, let kind):
            "\(path) is \(kind), not a regular file; refusing to replace it (nothing was written)."
        case .writeFailed(let path, let reason):
            "\(path) could not be written (\(reason)); no file was replaced or left half-written."
        }
    }
}
