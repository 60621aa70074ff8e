import TandemTestSupport

/// Where a replica test's workspace lives: a folder, or a database of its own on the test server.
enum ReplicaStore: String, CaseIterable, CustomStringConvertible {
    case folder, postgres

    /// PostgreSQL joins when `TANDEM_TEST_POSTGRES_URL` names a server.
    static var available: [ReplicaStore] { TemporaryPostgresDatabase.serverURL == nil ? [.folder] : [.folder, .postgres] }

    var description: String { rawValue }
}
