import Foundation

/// How a connector waits (on `Retry-After`, between retries). Tests pass one that records the waits
/// instead of sleeping.
public protocol Sleeper: Sendable {
    func sleep(seconds: Double)
}

/// Waits for real.
public struct ThreadSleeper: Sleeper {
    public init() {}
    public func sleep(seconds: Double) { Thread.sleep(forTimeInterval: seconds) }
}
