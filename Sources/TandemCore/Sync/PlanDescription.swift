/// What a plan does, in the terms every front end shows: one action per record with its reason, the
/// field changes, and the counts. The command line and the screens format these; they do not work
/// them out again.
extension RecordPlan {
    public enum Action: String, Sendable {
        /// `restore` is every plan that creates a record on the other side and couples it: a deleted
        /// one re-created, or an uncoupled source's new counterpart (`isCreation`; `reason` says which).
        case write, unchanged, skip, fail, restore
        case removeCoupling = "remove-coupling"
    }

    /// One field a plan writes, with the record it belongs to.
    public struct PlannedChange: Sendable, Equatable {
        public var side: Side
        public var recordID: RecordID
        public var change: FieldChange
    }

    public var action: Action {
        switch outcome {
        case .write(let updates): updates.isEmpty ? .unchanged : .write
        case .skip: .skip
        case .fail: .fail
        case .restore, .create: .restore
        case .removeCoupling: .removeCoupling
        }
    }

    /// The plan creates the counterpart of an uncoupled record and couples the pair.
    public var isCreation: Bool {
        if case .create = outcome { return true }
        return false
    }

    /// Why the record is skipped or fails, or what restoring / removing means; nil for writes.
    public var reason: String? {
        switch outcome {
        case .write: nil
        case .skip(let reason): reason.message
        case .fail(let reason): reason.message
        case .restore(let side, _): tr("re-creates the deleted {0} record", side.displayName)
        case .create(let side, _): tr("not coupled: creates the {0} record and couples it", side.displayName)
        case .removeCoupling(let reason): tr("removes the coupling ({0})", reason)
        }
    }

    public var plannedChanges: [PlannedChange] {
        guard case .write(let updates) = outcome else { return [] }
        return updates.flatMap { update in
            update.changes.map { PlannedChange(side: update.side, recordID: update.recordID, change: $0) }
        }
    }
}

extension SyncPlan {
    /// How many records each action takes, and how many fields are written.
    public struct Counts: Sendable, Equatable {
        /// Every record planned.
        public var records = 0
        /// Records written, restored or uncoupled.
        public var changing = 0
        public var fields = 0
        public var unchanged = 0
        public var skipped = 0
        public var failing = 0
        /// Fields whose destination changed since the last sync and that the writes overwrite.
        public var overwritten = 0

        /// Counts one more plan.
        public mutating func add(_ plan: RecordPlan) {
            records += 1
            switch plan.action {
            case .write, .restore, .removeCoupling: changing += 1
            case .unchanged: unchanged += 1
            case .skip: skipped += 1
            case .fail: failing += 1
            }
            fields += plan.changeCount
            overwritten += plan.overwritten.count
        }
    }

    public var counts: Counts {
        var counts = Counts()
        for record in records { counts.add(record) }
        return counts
    }
}
