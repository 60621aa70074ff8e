import Foundation

/// Waits for real.
public struct ThreadSleeper: Sleeper {
    public init() {}
    public func sleep(seconds: Double) { Thread.sleep(forTimeInterval: seconds) }
}
