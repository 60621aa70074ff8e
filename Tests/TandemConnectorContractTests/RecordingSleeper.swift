import Foundation
import TandemConnectors

/// Records the waits a connector asks for instead of sleeping, so a test of `Retry-After` takes no time.
final class RecordingSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []

    func sleep(seconds: Double) {
        lock.lock()
        recorded.append(seconds)
        lock.unlock()
    }

    var waits: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
