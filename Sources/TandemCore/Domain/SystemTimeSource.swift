import Foundation

/// The wall clock.
public struct SystemTimeSource: TimeSource {
    public init() {}
    public func now() -> Timestamp { Timestamp(Date()) }
}
