import Foundation
import TandemPostgres

/// A database of its own on the test server named by `TANDEM_TEST_POSTGRES_URL`, dropped by `drop()`.
struct TemporaryPostgresDatabase: Sendable {
    static var serverURL: String? {
        ProcessInfo.processInfo.environment["TANDEM_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    let address: PostgresAddress
    private let server: PostgresAddress

    init() throws {
        guard let url = Self.serverURL else { throw PostgresWorkspaceError.badAddress(text: "TANDEM_TEST_POSTGRES_URL is not set") }
        server = try PostgresAddress(url)
        let name = "tandem_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresSession(server).query("CREATE DATABASE \(name)")
        address = try PostgresAddress("postgres://\(server.user)@\(server.host):\(server.port)/\(name)")
    }

    func drop() {
        _ = try? PostgresSession(server).query("DROP DATABASE IF EXISTS \(address.database) WITH (FORCE)")
    }
}
