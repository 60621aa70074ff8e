/// The `SyncMark`s a pass over every pair earns. Before the pass reads anything it takes each side's
/// latest version, less `margin` (a write whose transaction was still open may carry an earlier
/// time); every pair the pass leaves out of step (skipped, failed, changed by someone else) pulls its
/// side's mark below that pair's record, so the next "Synchronize modified records" takes it again.
struct SyncMarkTracker {
    /// Milliseconds before the latest version a mark stays: more than a writer may wait for the
    /// database's lock (10 s) between taking its time and committing.
    static let margin: Int64 = 15_000

    private let mapping: String
    private var marks: [Side: Timestamp] = [:]

    init(mapping: TableMapping, in workspace: Workspace) throws {
        self.mapping = mapping.name
        for side in Side.allCases {
            guard let latest = try workspace.table(of: mapping, on: side).latestVersion() else { continue }
            marks[side] = latest.adding(milliseconds: -Self.margin)
        }
    }

    /// Pulls the marks below the records of the plans whose pair the batch left out of step.
    mutating func note(_ plans: [RecordPlan], problems: [RecordOutcome]) {
        guard !problems.isEmpty else { return }
        let erpIDs = Set(problems.compactMap(\.erpID)), crmIDs = Set(problems.compactMap(\.crmID))
        for plan in plans where plan.erpID.map(erpIDs.contains) ?? false || plan.crmID.map(crmIDs.contains) ?? false {
            lower(.erp, below: plan.erpModifiedAt)
            lower(.crm, below: plan.crmModifiedAt)
        }
    }

    private mutating func lower(_ side: Side, below version: Timestamp?) {
        guard let version, let mark = marks[side], version <= mark else { return }
        marks[side] = version.adding(milliseconds: -1)
    }

    /// The marks to store.
    var earned: [SyncMark] {
        Side.allCases.compactMap { side in marks[side].map { SyncMark(mapping: mapping, side: side, modifiedAt: $0) } }
    }
}
