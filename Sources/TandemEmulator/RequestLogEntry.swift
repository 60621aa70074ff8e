import Foundation

/// One request as an emulator saw it.
public struct RequestLogEntry: Sendable, Equatable {
    public let method: String
    /// The decoded path, without the query.
    public let path: String
    /// The decoded query string ("" when none), for checking `$filter`, `$skiptoken`, ….
    public let query: String
    /// The status answered, or nil when the connection was dropped without an answer.
    public let status: Int?
}
