import TandemCore

/// The job log, newest first.
public struct JobsState: Equatable, Sendable {
    public var jobs: [SyncJob] = []
    public var cursor = 0
    public var loaded = false

    public init() {}
}
