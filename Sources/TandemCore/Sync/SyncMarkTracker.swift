/// The `SyncMark`s a pass over every pair earns. Before the pass reads anything it takes the time,
/// less `margin`: a write that lands after the pass read its record took its time (its version)
/// at most that long before the pass began. Every pair the pass leaves out of step (skipped,
/// failed, changed by someone else) pulls its side's mark below that pair's record, so the next
/// "Synchronize modified records" takes it again.
struct SyncMarkTracker {
    /// Milliseconds before the start a mark stays: more than a writer may wait for the database's
    /// lock (10 s) between taking its time and committing.
    static let margin: Int64 = 15_000

    private let mapping: String
    private var marks: [Side: Timestamp]

    init(mapping: TableMapping, startingAt start: Timestamp) {
        self.mapping = mapping.name
        let mark = start.adding(milliseconds: -Self.margin)
        marks = [.erp: mark, .crm: mark]
    }

    /// Marks for a pass starting now in `workspace`: before the start, and before the oldest
    /// transaction still writing, whose records may commit after the pass has read.
    init(mapping: TableMapping, in workspace: Workspace) throws {
        let now = workspace.clock.now()
        let oldest = try workspace.store.oldestOpenWriteStart().map { $0.adding(milliseconds: Self.margin - 1) } ?? now
        self.init(mapping: mapping, startingAt: min(now, oldest))
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

    /// Keeps the marks below every version `floor` noted: pairs this pass left to someone else.
    mutating func lower(to floor: MarkFloor) {
        for (side, version) in floor.lowest { lower(side, below: version) }
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
