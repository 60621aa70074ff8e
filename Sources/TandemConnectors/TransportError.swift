/// Why a request got no response. Both are ambiguous for a write: it may have been applied.
public enum TransportError: Error, Sendable, Equatable {
    /// No answer within the timeout.
    case timedOut(url: String)
    /// The connection failed or was reset before a whole response arrived.
    case connectionFailed(url: String, reason: String)
}
