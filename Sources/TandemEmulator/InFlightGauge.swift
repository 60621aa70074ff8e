import Foundation

/// How many requests an emulator is handling, over time: the most at once, the mean from the first
/// request to the last answer, and how long nothing at all was in flight in between. A throughput
/// benchmark reads it to tell a client that waits on its own work from one the service holds back.
/// Thread-safe.
final class InFlightGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var most = 0
    /// Seconds on a steady clock (`ProcessInfo.systemUptime`), read under the lock so two threads'
    /// readings are never applied out of order.
    private var firstStart: TimeInterval?
    private var lastChange: TimeInterval?
    /// The integral of the count over time, in request-seconds.
    private var requestSeconds = 0.0
    private var idleSeconds = 0.0

    /// A request arrives; `now` is for tests, else the steady clock.
    func enter(at now: TimeInterval? = nil) {
        lock.withLock {
            let now = now ?? ProcessInfo.processInfo.systemUptime
            advance(to: now)
            if firstStart == nil { firstStart = now }
            current += 1
            most = max(most, current)
        }
    }

    /// A request is answered (or dropped).
    func leave(at now: TimeInterval? = nil) {
        lock.withLock {
            let now = now ?? ProcessInfo.processInfo.systemUptime
            advance(to: now)
            current -= 1
        }
    }

    /// The most requests handled at once so far.
    var mostAtOnce: Int { lock.withLock { most } }

    /// From the first request to the latest change: its length, the mean count in flight, and the
    /// seconds with none.
    var summary: (seconds: Double, meanInFlight: Double, secondsIdle: Double) {
        lock.withLock {
            guard let firstStart, let lastChange else { return (0, 0, 0) }
            let seconds = lastChange - firstStart
            return (seconds, seconds > 0 ? requestSeconds / seconds : 0, idleSeconds)
        }
    }

    private func advance(to now: TimeInterval) {
        if let lastChange {
            let step = max(0, now - lastChange)
            requestSeconds += Double(current) * step
            if current == 0 { idleSeconds += step }
        }
        lastChange = now
    }
}
