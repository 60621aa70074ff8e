import Foundation
import TandemCore

/// A clock tests move by hand, so "changed since the last sync" is exact.
public final class ManualClock: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Timestamp

    public init(start: Timestamp = Timestamp(milliseconds: 1_795_683_600_000)) { current = start }

    public func now() -> Timestamp {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    public func advance(milliseconds: Int64 = 60_000) {
        lock.lock()
        current = current.adding(milliseconds: milliseconds)
        lock.unlock()
    }
}
