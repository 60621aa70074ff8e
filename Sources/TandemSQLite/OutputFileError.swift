/// Why an output file was refused or could not be written. A refused destination is left exactly
/// as it was; a failed write leaves the destination as it was and no temporary file behind.
public enum OutputFileError: Error, Equatable, CustomStringConvertible {
    case workspaceFile(path: String)
    case notARegularFile(path: String, kind: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .workspaceFile(let path):
            tr("{0} is one of the workspace's own database files; refusing to write over it (nothing was written).", path)
        case .notARegularFile(let path, let kind):
            tr("{0} is {1}, not a regular file; refusing to replace it (nothing was written).", path, kind)
        case .writeFailed(let path, let reason):
            tr("{0} could not be written ({1}); no file was replaced or left half-written.", path, reason)
        }
    }
}
