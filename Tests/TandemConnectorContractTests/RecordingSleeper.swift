import Foundation
import TandemConnectors

/// Records the waits a connector asks for instead of sleeping, so a test of `Retry-After` takes no
/// time; `sleeping` also waits them out, for a test whose service counts real time.
final class RecordingSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []
    private let sleeping: Bool

    init(sleeping: Bool = false) { self.sleeping = sleeping }

    func sleep(seconds: Double) {
        lock.lock()
        recorded.append(seconds)
        lock.unlock()
        if sleeping { Thread.sleep(forTimeInterval: seconds) }
    }

    var waits: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
