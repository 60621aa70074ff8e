import TandemCore

/// Why a connector gave up on a whole request (a single record's refusal is a `RemoteWriteResult`).
/// Messages name the service and URL; they never contain a token or a secret.
public enum ConnectorError: Error, Sendable, Equatable, CustomStringConvertible {
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
    /// The service has no such entity set (an older version): the table stays as Tandem has it.
    case tableNotOffered(service: String, table: String, set: String)

    public var description: String {
        switch self {
        case .cursorExpired(let table): tr("The service no longer knows where the last pull of {0} ended; pull it in full.", table)
        case .unauthorized(let service, let message): tr("{0} refused the credentials: {1}", service, message)
        case .serviceFailed(let service, let status, let message): tr("{0} kept failing (HTTP {1}): {2}", service, status, message)
        case .unreachable(let service, let url, let reason): tr("{0} at {1} could not be reached: {2}", service, url, reason)
        case .malformedResponse(let service, let detail): tr("{0} answered in a form Tandem does not know: {1}", service, detail)
        case .missingCredentials(let side, let variables):
            tr("The {0} needs credentials in the environment: {1}.", side, variables.joined(separator: ", "))
        case .tableNotOffered(let service, let table, let set):
            tr("{0} has no {1} (older versions lack it): {2} was not pulled and stays as it is.", service, set, table)
        }
    }
}
