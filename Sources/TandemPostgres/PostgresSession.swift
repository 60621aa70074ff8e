import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One connection to the workspace's PostgreSQL database, used synchronously: each statement is sent
/// on NIO's own event-loop thread and waited for on the caller's, which is never an event-loop
/// thread nor needs a Swift-concurrency task (blocking one could starve the cooperative pool).
///
/// Statements are serialized by a lock; `transaction` holds it from `BEGIN` to `COMMIT`, so a
/// transaction is never interleaved with another thread's statements on the same connection. A
/// statement from another thread meanwhile goes to a second connection, opened the first time it is
/// needed, instead of waiting for the commit: a synchronization reads its next batch while the batch
/// before is being written, as SQLite's WAL readers do. Such a statement sees what is committed, as
/// any other process would.
public final class PostgresSession: @unchecked Sendable {
    public let address: PostgresAddress
    private let connection: PostgresConnection
    private let lock = NSRecursiveLock()
    private var depth = 0
    /// The second connection, for statements that come while another thread holds the first.
    private var spare: PostgresConnection?
    private let spareLock = NSLock()
    private let logger = Logger(label: "tandem.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// How long one statement (or the connection's start) may take before the connection is given up:
    /// `TANDEM_POSTGRES_TIMEOUT` seconds, 600 by default. A connection the network lost without a
    /// word (a half-open TCP connection) would otherwise hold a process for as long as the kernel's
    /// keepalive takes, two hours by default.
    public static let timeout: TimeAmount = {
        let seconds = ProcessInfo.processInfo.environment["TANDEM_POSTGRES_TIMEOUT"].flatMap(Int64.init) ?? 600
        return .seconds(max(1, seconds))
    }()

    /// Connects; an unreachable server, a refused login or a missing database is a
    /// `PostgresWorkspaceError` naming host and database.
    public init(_ address: PostgresAddress) throws {
        self.address = address
        connection = try Self.connect(address, id: 1, logger: logger)
    }

    deinit {
        try? connection.close().wait()
        try? spare?.close().wait()
    }

    private static func connect(_ address: PostgresAddress, id: Int, logger: Logger) throws -> PostgresConnection {
        let configuration = PostgresConnection.Configuration(host: address.host, port: address.port, username: address.user,
                                                             password: address.password, database: address.database, tls: .disable)
        do {
            return try waitAtMost(PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                             configuration: configuration, id: id, logger: logger))
        } catch {
            throw describe(error, address: address, connecting: true)
        }
    }

    /// Runs one statement and returns its rows. Arguments are written `?` in `sql` (as in SQLite; none
    /// of Tandem's statements has a literal `?`) and numbered `$1, $2, …` here. Inside a transaction
    /// the statement joins it; while another thread holds the first connection, it goes to the second.
    @discardableResult
    public func query(_ sql: String, _ values: [PostgresValue] = []) throws -> [PostgresRow] {
        if lock.try() {
            defer { lock.unlock() }
            return try run(sql, values, on: connection)
        }
        spareLock.lock()
        defer { spareLock.unlock() }
        if spare == nil { spare = try Self.connect(address, id: 2, logger: logger) }
        return try run(sql, values, on: spare!)
    }

    /// Runs one statement on the first connection, waiting for it if another thread holds it: for what
    /// belongs to the connection itself, such as a session advisory lock and its release.
    @discardableResult
    public func queryOnFirstConnection(_ sql: String, _ values: [PostgresValue] = []) throws -> [PostgresRow] {
        lock.lock()
        defer { lock.unlock() }
        return try run(sql, values, on: connection)
    }

    /// Runs one statement on `connection`, whose lock the caller holds.
    private func run(_ sql: String, _ values: [PostgresValue], on connection: PostgresConnection) throws -> [PostgresRow] {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { value.bind(into: &bindings) }
        let numbered = Self.numbered(sql)
        // PostgresNIO never answers a statement sent on a connection the server has closed (the write
        // fails with no one to tell), so a closed connection is refused here, and any statement is
        // waited for `timeout` at most, after which the connection is closed.
        guard !connection.isClosed else {
            throw PostgresWorkspaceError.unreachable(address: address.description, reason: "the server closed the connection")
        }
        do {
            return Array(try Self.waitAtMost(connection.query(PostgresQuery(unsafeSQL: numbered, binds: bindings), logger: logger)).rows)
        } catch is TimedOut {
            let closing: EventLoopFuture<Void> = connection.close()
            closing.whenComplete { _ in }
            throw PostgresWorkspaceError.unreachable(address: address.description,
                                                     reason: "no answer within \(Self.timeout.nanoseconds / 1_000_000_000) s (TANDEM_POSTGRES_TIMEOUT)")
        } catch {
            throw Self.describe(error, address: address, connecting: false)
        }
    }

    private struct TimedOut: Error {}

    /// The future's value, or `TimedOut` once `timeout` has passed without one.
    private static func waitAtMost<Value: Sendable>(_ future: EventLoopFuture<Value>) throws -> Value {
        let promise = future.eventLoop.makePromise(of: Value.self)
        let timer = future.eventLoop.scheduleTask(in: timeout) { promise.fail(TimedOut()) }
        future.whenComplete { result in
            timer.cancel()
            promise.completeWith(result)
        }
        return try promise.futureResult.wait()
    }

    /// Runs `body` inside one transaction (nested calls join the outer one); any error rolls it back.
    public func transaction<T>(isolation: String = "READ COMMITTED", _ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if depth > 0 {
            depth += 1
            defer { depth -= 1 }
            return try body()
        }
        try queryOnFirstConnection("BEGIN ISOLATION LEVEL \(isolation)")
        depth = 1
        defer { depth = 0 }
        do {
            let result = try body()
            try queryOnFirstConnection("COMMIT")
            return result
        } catch {
            _ = try? queryOnFirstConnection("ROLLBACK")
            throw error
        }
    }

    /// `?` placeholders as PostgreSQL's `$n`.
    static func numbered(_ sql: String) -> String {
        guard sql.contains("?") else { return sql }
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var index = 0
        for character in sql {
            if character == "?" {
                index += 1
                result += "$\(index)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The server's SQLSTATE of an error, when it is one (`23505` unique violation, `40001` …).
    public static func sqlState(of error: any Error) -> String? {
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] }
        if case .failed(_, let message)? = error as? PostgresWorkspaceError, message.hasPrefix("SQLSTATE ") {
            return String(message.dropFirst(9).prefix(5))
        }
        return nil
    }

    private static func describe(_ error: any Error, address: PostgresAddress, connecting: Bool) -> any Error {
        let where_ = address.description
        guard let psql = error as? PSQLError else {
            return connecting ? PostgresWorkspaceError.unreachable(address: where_, reason: "\(error)")
                              : PostgresWorkspaceError.failed(address: where_, message: "\(error)")
        }
        if let state = psql.serverInfo?[.sqlState] {
            let message = psql.serverInfo?[.message] ?? state
            switch state {
            case "3D000": return PostgresWorkspaceError.missingDatabase(address: where_)
            case "28P01", "28000": return PostgresWorkspaceError.refusedLogin(address: where_, message: message)
            default: return PostgresWorkspaceError.failed(address: where_, message: "SQLSTATE \(state): \(message)")
            }
        }
        switch psql.code {
        case .connectionError, .uncleanShutdown, .serverClosedConnection:
            return PostgresWorkspaceError.unreachable(address: where_, reason: psql.underlying.map { "\($0)" } ?? "\(psql.code)")
        default:
            return PostgresWorkspaceError.failed(address: where_, message: "\(psql.code)")
        }
    }
}
