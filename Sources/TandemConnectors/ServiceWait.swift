import Foundation

/// One pause of a connector before it sends again: which service asked for it, for how long, and why.
public struct ServiceWait: Sendable, Equatable {
    public let service: String
    public let seconds: Double
    public let reason: WaitReason
}
