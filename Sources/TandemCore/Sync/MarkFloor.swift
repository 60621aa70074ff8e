/// The lowest record versions, per side, of the pairs a shared pass left to another worker: the
/// `SyncMark`s that pass earns must stay below them, so the next run takes those pairs again if the
/// other worker never finished them.
final class MarkFloor {
    private(set) var lowest: [Side: Timestamp] = [:]

    /// Notes a version the marks of `side` must stay below.
    func note(_ side: Side, _ version: Timestamp) {
        if let current = lowest[side], current <= version { return }
        lowest[side] = version
    }
}
