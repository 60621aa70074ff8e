import Foundation

/// Why the loopback server could not start.
public enum LoopbackServerError: Error, Sendable, Equatable {
    /// A socket call failed; `call` names it, `errno` is the system error number.
    case socket(call: String, errno: Int32)
    /// `start()` was called on a server that is already running.
    case alreadyStarted
}
