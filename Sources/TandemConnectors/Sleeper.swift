import Foundation

/// How a connector waits (on `Retry-After`, between retries). Tests pass one that records the waits
/// instead of sleeping.
public protocol Sleeper: Sendable {
    func sleep(seconds: Double)
}
