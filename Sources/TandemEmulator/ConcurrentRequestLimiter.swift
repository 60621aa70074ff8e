import Foundation

/// Dataverse's third service-protection limit: how many requests of one user it handles at once (52
/// "or higher" on the service, per user and per web server; api-limits.md). Unlike the other two it
/// takes effect at once: the request over the limit is refused immediately. Thread-safe.
final class ConcurrentRequestLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var inFlight: [String: Int] = [:]
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Counts a request of `user` in, or answers false when `limit` of them are being handled already.
    func enter(_ user: String) -> Bool {
        lock.withLock {
            guard inFlight[user, default: 0] < limit else { return false }
            inFlight[user, default: 0] += 1
            return true
        }
    }

    /// Counts a request of `user` out.
    func leave(_ user: String) {
        lock.withLock { inFlight[user, default: 1] -= 1 }
    }
}
