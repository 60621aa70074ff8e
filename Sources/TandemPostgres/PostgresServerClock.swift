import Foundation
import TandemCore

/// The database server's clock: every process sharing a workspace stamps record versions, jobs and
/// sync marks with one clock, whatever its own machine's says, so an administrator whose clock runs
/// behind never writes a version that a pass over the pairs has already passed. Should the server
/// not answer, the machine's clock stands in (the write that asked will fail on the same connection).
final class PostgresServerClock: TimeSource, @unchecked Sendable {
    private let session: PostgresSession

    init(session: PostgresSession) { self.session = session }

    func now() -> Timestamp {
        let milliseconds = try? session.query("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint").first?.decode(Int64.self)
        return milliseconds.map(Timestamp.init(milliseconds:)) ?? Timestamp(Date())
    }
}
