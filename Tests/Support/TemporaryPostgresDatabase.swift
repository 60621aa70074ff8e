import Foundation
import TandemPostgres

/// A database of its own on the test server named by `TANDEM_TEST_POSTGRES_URL` (`.ci/run` starts
/// one), dropped by `drop()`. Without that variable the PostgreSQL cases of a test are left out.
public struct TemporaryPostgresDatabase: Sendable {
    public static var serverURL: String? {
        ProcessInfo.processInfo.environment["TANDEM_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public let address: PostgresAddress
    private let server: PostgresAddress

    public init() throws {
        guard let url = Self.serverURL else { throw PostgresWorkspaceError.badAddress(text: "TANDEM_TEST_POSTGRES_URL is not set") }
        server = try PostgresAddress(url)
        let name = "tandem_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresSession(server).query("CREATE DATABASE \(name)")
        address = try PostgresAddress("postgres://\(server.user)@\(server.host):\(server.port)/\(name)")
    }

    /// The address to give `--workspace` or `TANDEM_WORKSPACE`.
    public var url: String { address.description }

    /// Ends every other session on the database (a lost connection, as a server restart makes it).
    public func disconnectOthers() throws {
        try PostgresSession(server).query("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()
            """, [.text(address.database)])
    }

    public func drop() {
        _ = try? PostgresSession(server).query("DROP DATABASE IF EXISTS \(address.database) WITH (FORCE)")
    }
}
