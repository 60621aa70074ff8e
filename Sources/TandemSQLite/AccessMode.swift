/// What a command means to do with a workspace. Reading opens every file with
/// `SQLITE_OPEN_READONLY` (so a read-only folder or mount can be listed, and nothing is written,
/// not even a PRAGMA); writing checks that the files can be written before it starts.
public enum AccessMode: Sendable {
    case reading
    case writing
}
