import Foundation

/// Dataverse's second service-protection limit: the combined execution time of one user's requests in
/// a sliding window (1,200 s per 300 s on the service, per user and per web server; api-limits.md).
/// Like the service, it lets a request in while the time already spent is under the limit, so the
/// limit "can be exceeded" before it takes effect, and refuses the next ones until enough of the
/// spent time has left the window. Thread-safe.
public final class ExecutionTimeLimiter: @unchecked Sendable {
    private struct Spent { let endedAt: Date; let seconds: TimeInterval }

    private let lock = NSLock()
    private var spent: [String: [Spent]] = [:]
    private var charged: TimeInterval = 0
    /// The most execution seconds one user may spend inside `window`.
    public let limit: TimeInterval
    /// The window's length in seconds.
    public let window: TimeInterval

    public init(limit: TimeInterval, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Nil when `user` may send a request now, else the seconds to wait (at least 1) until the time
    /// spent inside the window falls under the limit again.
    public func admit(_ user: String, now: Date = Date()) -> Int? {
        lock.withLock {
            let cutoff = now.addingTimeInterval(-window)
            var entries = spent[user, default: []]
            entries.removeAll { $0.endedAt <= cutoff }
            spent[user] = entries
            var total = entries.reduce(0) { $0 + $1.seconds }
            guard total >= limit else { return nil }
            for entry in entries.sorted(by: { $0.endedAt < $1.endedAt }) {
                total -= entry.seconds
                if total < limit {
                    return max(1, Int(entry.endedAt.addingTimeInterval(window).timeIntervalSince(now).rounded(.up)))
                }
            }
            return max(1, Int(window.rounded(.up)))
        }
    }

    /// Counts `seconds` of execution by `user`, ended now.
    public func charge(_ user: String, seconds: TimeInterval, now: Date = Date()) {
        guard seconds > 0 else { return }
        lock.withLock {
            spent[user, default: []].append(Spent(endedAt: now, seconds: seconds))
            charged += seconds
        }
    }

    /// Execution seconds charged so far, every user and window together.
    public var totalCharged: TimeInterval { lock.withLock { charged } }
}
