import Foundation

/// How many requests an emulator is handling, over time: the most at once, the mean from the first
/// request to the last answer, and how long nothing at all was in flight in between. A throughput
/// benchmark reads it to tell a client that waits on its own work from one the service holds back.
/// Thread-safe.
final class InFlightGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var most = 0
    private var firstStart: Date?
    private var lastChange: Date?
    /// The integral of the count over time, in request-seconds.
    private var requestSeconds = 0.0
    private var idleSeconds = 0.0

    func enter(at now: Date = Date()) {
        lock.withLock {
            advance(to: now)
            if firstStart == nil { firstStart = now }
            current += 1
            most = max(most, current)
        }
    }

    func leave(at now: Date = Date()) {
        lock.withLock {
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
            let seconds = lastChange.timeIntervalSince(firstStart)
            return (seconds, seconds > 0 ? requestSeconds / seconds : 0, idleSeconds)
        }
    }

    private func advance(to now: Date) {
        if let lastChange {
            let step = now.timeIntervalSince(lastChange)
            requestSeconds += Double(current) * step
            if current == 0 { idleSeconds += step }
        }
        lastChange = now
    }
}
