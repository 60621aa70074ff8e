import Foundation

/// A value written by one thread and read by another, under a lock.
public final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) { stored = value }

    public var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Changes the value in place, under the lock (a read and a write that no other thread splits).
    public func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
