/// Work running in the background: a synchronization (cancellable between batches) or a match.
public struct ProgressState: Equatable, Sendable {
    public var title: String
    public var done = 0
    public var total: Int
    /// Names a cancellable run to the effect runner, so Esc can stop it between batches; nil for
    /// work that cannot be stopped half-way.
    public var token: Int?
    public var cancelRequested = false
    /// Seconds each connected service has made the run wait (throttling, busy, lost answers).
    public var waited: [String: Double] = [:]

    public init(title: String, total: Int, token: Int?) {
        self.title = title
        self.total = total
        self.token = token
    }
}
