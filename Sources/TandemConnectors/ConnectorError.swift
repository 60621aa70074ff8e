/// Why a connector gave up on a whole request (a single record's refusal is a `RemoteWriteResult`).
/// Messages name the service and URL; they never contain a token or a secret.
public enum ConnectorError: Error, Sendable, Equatable {
    /// The service no longer knows the pull cursor (expired delta token, `410 Gone`): pull in full.
    case cursorExpired(table: String)
    /// Authentication failed even with a fresh token (401/403): the message the service gave.
    case unauthorized(service: String, message: String)
    /// The service kept failing after every retry: the last status and its message.
    case serviceFailed(service: String, status: Int, message: String)
    /// No response after every retry.
    case unreachable(service: String, url: String, reason: String)
    /// A response that does not have the documented shape.
    case malformedResponse(service: String, detail: String)
    /// The environment does not hold the credentials this connection needs.
    case missingCredentials(side: String, variables: [String])
}
