/// How a pull of one table begins.
public enum PullStart: Sendable, Equatable {
    /// Every record (the first pull, `--full`, or after the service expired the cursor).
    case full
    /// Only what changed since this cursor. Throws `ConnectorError.cursorExpired` when the service
    /// no longer knows it; the caller then pulls `.full`.
    case since(PullCursor)
}
