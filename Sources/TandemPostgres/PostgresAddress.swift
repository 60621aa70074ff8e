import Foundation

/// Where a shared workspace lives: `postgres://user[:password]@host[:port]/database`. The password
/// may instead come from `PGPASSWORD`; it is never part of what Tandem prints (`description`).
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String

    /// Whether `text` names a PostgreSQL workspace at all (rather than a folder).
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isPostgres(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty
        else { throw PostgresWorkspaceError.badAddress(text: Self.redacted(text)) }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw PostgresWorkspaceError.badAddress(text: Self.redacted(text)) }
        self.host = host
        self.port = components.port ?? 5432
        self.user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        self.password = components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        self.database = database.removingPercentEncoding ?? database
    }

    /// `postgres://user@host:port/database`, never with the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// An address as text with any password replaced, for messages about an address that did not parse.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":…" + String(text[at...])
    }
}
