import TandemCore

/// The preview of a synchronization: what would change, record by record, field by field. OK applies
/// exactly this plan; records that changed after it was made are refused, not re-planned.
public struct PreviewState: Equatable, Sendable {
    public var dialog: SyncDialog
    public var plan: SyncPlan
    public var lines: [String]
    public var summary: String
    public var scroll = 0

    public init(dialog: SyncDialog, plan: SyncPlan, lines: [String], summary: String) {
        self.dialog = dialog
        self.plan = plan
        self.lines = lines
        self.summary = summary
    }
}
