import Foundation

/// A fault the emulators inject into matching requests (see `FaultInjector`).
public enum EmulatorFault: Sendable, Equatable {
    /// Answer with this status instead of handling the request, with `Retry-After` when given.
    case respond(status: Int, retryAfter: Int? = nil)
    /// Close the connection before handling: nothing is applied and nothing is answered.
    case dropBeforeHandling
    /// Handle the request (writes commit), then close the connection without answering: the
    /// "timeout after the write committed" case.
    case dropAfterHandling
    /// Wait this many seconds, then handle the request normally.
    case delay(TimeInterval)
    /// Handle the request (writes commit), then wait this many seconds before answering: the window
    /// in which a client killed has written to the service but not yet heard so.
    case holdAfterHandling(TimeInterval)
}
