import Foundation
import TandemTestSupport

/// A workspace for a test that runs the built binary on either store: a folder, or a database of its
/// own on the test server.
struct WorkspacePlace {
    /// Where the workspace lives.
    enum Store: String, CaseIterable, CustomStringConvertible {
        case folder, postgres

        /// PostgreSQL joins when `TANDEM_TEST_POSTGRES_URL` names a server.
        static var available: [Store] { TemporaryPostgresDatabase.serverURL == nil ? [.folder] : [.folder, .postgres] }

        var description: String { rawValue }
    }

    let cli = CLIHarness()
    let database: TemporaryPostgresDatabase?

    init(_ store: Store) throws {
        database = store == .postgres ? try TemporaryPostgresDatabase() : nil
    }

    private var environment: [String: String] { database.map { ["TANDEM_WORKSPACE": $0.url] } ?? [:] }

    @discardableResult
    func run(_ arguments: String...) throws -> CLIHarness.Run { try run(arguments) }

    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CLIHarness.Run {
        try cli.run(arguments, environment: environment.merging(extra) { $1 })
    }

    /// Starts `tandem` with its output (both streams) in `output`.
    func start(_ arguments: [String], output: String, environment extra: [String: String] = [:]) throws -> Process {
        try cli.start(arguments, environment: environment.merging(extra) { $1 }, output: output)
    }

    /// A file in the test's folder.
    func file(_ name: String) -> String { cli.folder.file(name) }

    /// Every record of a list (`customers`, `accounts`) as `list --json` prints it.
    func records(_ list: String) throws -> [[String: Any]] {
        let listed = try run("list", list, "--json", "--limit", "1000000")
        return try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]] ?? []
    }

    /// The jobs of the log, newest first.
    func jobs() throws -> [[String: Any]] {
        let listed = try run("jobs", "--json")
        return try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]] ?? []
    }

    func remove() {
        cli.remove()
        database?.drop()
    }
}
