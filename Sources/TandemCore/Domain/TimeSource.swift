import Foundation

/// Where "now" comes from. The SQLite sides and the engine take one so tests can control time.
public protocol TimeSource: Sendable {
    func now() -> Timestamp
}
