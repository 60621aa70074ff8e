import TandemCore

extension AppState {
    /// Commands of the current context that have nothing to act on here: the hint line leaves them
    /// out, and the reducer refuses them with a reason. On the coupled-data errors screen, a pair with
    /// a side gone cannot be retried or synchronized (restore it, or delete the surviving record), a
    /// pair without its ERP record cannot be coupled again, and restore and delete need exactly one
    /// side gone.
    public var unavailableCommands: Set<Command> {
        guard modal == nil, case .errors(let screen)? = screens.last, let row = screen.rows[safe: screen.cursor] else { return [] }
        var unavailable: Set<Command> = []
        if row.erpLabel == nil || row.crmLabel == nil { unavailable.formUnion([.retry, .synchronize]) }
        if row.erpLabel == nil { unavailable.insert(.setUpCoupling) }
        if !row.exactlyOneSideMissing { unavailable.formUnion([.restoreRecord, .deleteRecord]) }
        return unavailable
    }
}
