import Foundation

/// Requests per user in a sliding window (Dataverse: 6,000 per 300 s per user per web server; BC:
/// 6,000 per 5 minutes per user). Both numbers are parameters so tests can scale them down. Thread-safe.
public final class RequestRateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var arrivals: [String: [Date]] = [:]
    /// The most requests one user may make inside `window`.
    public let limit: Int
    /// The window's length in seconds.
    public let window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records a request by `user` and returns nil when it is allowed, else the seconds to wait
    /// (at least 1) until the oldest request in the window leaves it. A refused request is not counted.
    public func admit(_ user: String, now: Date = Date()) -> Int? {
        lock.withLock {
            var times = arrivals[user, default: []]
            let cutoff = now.addingTimeInterval(-window)
            if let firstKept = times.firstIndex(where: { $0 > cutoff }) {
                times.removeFirst(firstKept)
            } else {
                times.removeAll()
            }
            if times.count >= limit {
                arrivals[user] = times
                let wait = times[0].addingTimeInterval(window).timeIntervalSince(now)
                return max(1, Int(wait.rounded(.up)))
            }
            times.append(now)
            arrivals[user] = times
            return nil
        }
    }

    /// Forgets every recorded request.
    public func reset() {
        lock.withLock { arrivals.removeAll() }
    }
}
