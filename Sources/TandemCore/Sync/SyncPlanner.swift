/// Decides, for one record at a time and without any I/O, what a synchronization does: the pre-sort
/// (not coupled, marked skipped, destination changed, outside the filter), the deletion policy, and the
/// field-by-field changes of each pass.
struct SyncPlanner {
    let mapping: TableMapping
    let erpSchema: TableSchema
    let crmSchema: TableSchema
    let translator: LookupTranslator
    let request: SyncRequest
    let mapped: MappedFields
    /// For each mapped field (by position), whether a pass in that direction carries it; worked out
    /// once rather than as a set of names per record.
    private let carried: [SyncDirection: [Bool]]

    init(mapping: TableMapping, erpSchema: TableSchema, crmSchema: TableSchema, translator: LookupTranslator,
         request: SyncRequest) {
        self.mapping = mapping
        self.erpSchema = erpSchema
        self.crmSchema = crmSchema
        self.translator = translator
        self.request = request
        mapped = MappedFields(mapping, erpSchema: erpSchema, crmSchema: crmSchema)
        var carried: [SyncDirection: [Bool]] = [:]
        for direction in [SyncDirection.toCRM, .fromCRM] {
            let names = Set(mapping.fields(for: direction).map(\.erpField))
            carried[direction] = mapped.fields.map { names.contains($0.erpField) }
        }
        self.carried = carried
    }

    func plan(_ item: PlanItem) -> RecordPlan {
        var plan = RecordPlan(erpID: item.coupling?.erpID ?? (item.selectedSide == .erp ? item.selectedID : nil),
                              crmID: item.coupling?.crmID ?? (item.selectedSide == .crm ? item.selectedID : nil),
                              label: label(item), outcome: .write([]), passes: passes,
                              coupling: item.coupling, snapshotAfter: item.coupling?.snapshot ?? [:],
                              erpModifiedAt: item.erp?.modifiedAt, crmModifiedAt: item.crm?.modifiedAt)
        guard let coupling = item.coupling else {
            plan.outcome = .skip(.notCoupled)
            return plan
        }
        if coupling.skipped {
            plan.outcome = .skip(.markedSkipped)
            return plan
        }
        guard let erp = item.erp, let crm = item.crm else {
            plan.outcome = deletionOutcome(item, coupling: coupling)
            refuseValuesTheDestinationCannotHold(&plan, snapshot: coupling.snapshot)
            return plan
        }
        for (side, record) in [(Side.erp, erp), (.crm, crm)] where !mapping.filter(on: side).admits(record) {
            plan.outcome = .skip(.outsideFilter(side: side, filter: mapping.filter(on: side).summary))
            return plan
        }
        let comparisons = FieldComparison.compare(mapped, erp: erp, crm: crm, coupling: coupling, translator: translator)
        if let direction = request.choice.direction {
            planPass(direction, comparisons, erp: erp, crm: crm, into: &plan)
        } else {
            planMerge(comparisons, erp: erp, crm: crm, into: &plan)
        }
        refuseValuesTheDestinationCannotHold(&plan, snapshot: coupling.snapshot)
        return plan
    }

    /// A value longer than its destination field (a CRM name of 160 characters into BC's Name of 100),
    /// or holding a NUL, fails the record alone with the field named, instead of being written cut.
    private func refuseValuesTheDestinationCannotHold(_ plan: inout RecordPlan, snapshot: FieldSnapshot) {
        var writes: [(side: Side, fields: [String: String])] = []
        switch plan.outcome {
        case .write(let updates):
            writes = updates.map { update in
                (update.side, Dictionary(update.changes.map { ($0.field, $0.newValue) }, uniquingKeysWith: { $1 }))
            }
        case .restore(let side, let fields):
            writes = [(side, fields)]
        case .skip, .fail, .removeCoupling, .create:
            return
        }
        for write in writes {
            guard let refused = FieldRefusal.first(in: write.fields, schema: write.side == .erp ? erpSchema : crmSchema)
            else { continue }
            plan.outcome = .fail(.valueDoesNotFit(field: refused.field, side: write.side, refusal: refused.refusal))
            plan.snapshotAfter = snapshot
            return
        }
    }

    private var passes: [SyncDirection] {
        request.choice.direction.map { [$0] } ?? [.toCRM, .fromCRM]
    }

    private func label(_ item: PlanItem) -> String {
        if let erp = item.erp { return erpSchema.label(of: erp) }
        if let crm = item.crm { return crmSchema.label(of: crm) }
        return "\(item.selectedSide.displayName) record \(item.selectedID)"
    }

    /// The coupled record on one side (or both) is gone.
    private func deletionOutcome(_ item: PlanItem, coupling: Coupling) -> PlannedOutcome {
        guard let surviving = item.erp ?? item.crm else {
            return .removeCoupling(reason: tr("both coupled records were deleted"))
        }
        let survivingSide: Side = item.erp != nil ? .erp : .crm
        let missing = survivingSide.other
        switch mapping.deletionConflict {
        case .none:
            return .fail(.coupledRecordDeleted(side: missing, id: coupling.id(on: missing)))
        case .removeCoupling:
            return .removeCoupling(reason: tr("the {0} record was deleted", missing.displayName))
        case .restore:
            switch RecordBlueprint.fields(for: mapping, from: surviving, sourceSide: survivingSide, translator: translator) {
            case .success(let fields): return .restore(side: missing, fields: fields)
            case .failure(.directionNotAllowed(let direction)):
                return .fail(.cannotRestore(side: missing, mapping: mapping.name, direction: direction.rawValue))
            case .failure(let failure):
                return .fail(failure.reason(in: mapping))
            }
        }
    }

    /// A one-way pass: write every differing field, unless that overwrites a destination change.
    private func planPass(_ direction: SyncDirection, _ comparisons: [FieldComparison], erp: Record, crm: Record,
                          into plan: inout RecordPlan) {
        let carries = carried[direction] ?? []
        let used = comparisons.indices.filter { $0 < carries.count && carries[$0] }.map { comparisons[$0] }
        if let broken = used.first(where: { $0.outgoing(direction) == nil }) {
            let field = broken.mapping.field(on: direction.source)
            plan.outcome = .fail(.lookupNotCoupled(field: field, value: direction == .toCRM ? broken.erpValue : broken.crmValue))
            return
        }
        let writing = used.filter { $0.differs(direction) }
        let overwritten = writing.filter { $0.changed(on: direction.destination) }
        let neverSynchronized = plan.coupling.map { $0.snapshot.isEmpty && $0.modifiedAtLastSync(on: direction.destination) == nil } == true
        if !overwritten.isEmpty && !request.overwriteChangedDestination && !mapping.updateConflict.lets(direction) {
            let fields = overwritten.map { $0.mapping.field(on: direction.destination) }
            plan.outcome = .skip(neverSynchronized ? .neverSynchronized(fields: fields)
                                                   : .destinationChanged(side: direction.destination, fields: fields))
            return
        }
        let destinationID = direction == .toCRM ? crm.id : erp.id
        func change(_ comparison: FieldComparison) -> FieldChange {
            FieldChange(field: comparison.mapping.field(on: direction.destination), oldValue: comparison.current(direction),
                        newValue: comparison.outgoing(direction) ?? "")
        }
        let changes = writing.map(change)
        // A pair never synchronized has no change of its own to lose: there was no last sync.
        if !neverSynchronized {
            plan.overwritten = overwritten.map {
                RecordPlan.PlannedChange(side: direction.destination, recordID: destinationID, change: change($0))
            }
        }
        plan.outcome = .write(changes.isEmpty ? [] : [RecordUpdate(side: direction.destination, recordID: destinationID,
                                                                     changes: changes)])
        plan.snapshotAfter = snapshot(after: used, toCRM: direction == .toCRM ? writing : [],
                                      toERP: direction == .fromCRM ? writing : [], base: plan.snapshotAfter)
    }

    /// Merge: each field from the side that changed it; true conflicts stop the record unless resolved.
    private func planMerge(_ comparisons: [FieldComparison], erp: Record, crm: Record, into plan: inout RecordPlan) {
        guard mapping.direction == .bidirectional else {
            plan.outcome = .fail(.mergeNeedsBidirectional(mapping: mapping.name, direction: mapping.direction.rawValue))
            return
        }
        var toCRM: [FieldComparison] = [], toERP: [FieldComparison] = []
        var conflicts: [FieldConflict] = []
        for comparison in comparisons {
            let field = comparison.mapping
            switch field.direction {
            case .toCRM:
                if comparison.outgoing(.toCRM) == nil {
                    plan.outcome = .fail(.lookupNotCoupled(field: field.erpField, value: comparison.erpValue))
                    return
                }
                if comparison.differs(.toCRM) { toCRM.append(comparison) }
            case .fromCRM:
                if comparison.outgoing(.fromCRM) == nil {
                    plan.outcome = .fail(.lookupNotCoupled(field: field.crmField, value: comparison.crmValue))
                    return
                }
                if comparison.differs(.fromCRM) { toERP.append(comparison) }
            case .bidirectional:
                guard comparison.sidesDiffer else { continue }
                let winner: Side
                if comparison.isConflict {
                    guard let resolved = request.resolutions[field.erpField] else {
                        conflicts.append(comparison.conflict)
                        continue
                    }
                    winner = resolved
                } else {
                    // Changed on one side: that side wins. Changed on neither (no snapshot yet): BC's
                    // order, ERP→CRM first, leaves the ERP value.
                    winner = comparison.crmChanged && !comparison.erpChanged ? .crm : .erp
                }
                let direction = SyncDirection.from(winner)
                guard comparison.outgoing(direction) != nil else {
                    let value = winner == .erp ? comparison.erpValue : comparison.crmValue
                    plan.outcome = .fail(.lookupNotCoupled(field: field.field(on: winner), value: value))
                    return
                }
                if winner == .erp { toCRM.append(comparison) } else { toERP.append(comparison) }
            }
        }
        if !conflicts.isEmpty {
            plan.outcome = .skip(.conflicts(conflicts))
            return
        }
        var updates: [RecordUpdate] = []
        if !toCRM.isEmpty {
            updates.append(RecordUpdate(side: .crm, recordID: crm.id, changes: toCRM.map {
                FieldChange(field: $0.mapping.crmField, oldValue: $0.crmValue, newValue: $0.erpAsCRM ?? "")
            }))
        }
        if !toERP.isEmpty {
            updates.append(RecordUpdate(side: .erp, recordID: erp.id, changes: toERP.map {
                FieldChange(field: $0.mapping.erpField, oldValue: $0.erpValue, newValue: $0.crmAsERP ?? "")
            }))
        }
        plan.outcome = .write(updates)
        plan.snapshotAfter = snapshot(after: comparisons, toCRM: toCRM, toERP: toERP, base: plan.snapshotAfter)
    }

    /// The snapshot once the writes land: every field the passes carried, as both sides will hold it.
    private func snapshot(after used: [FieldComparison], toCRM: [FieldComparison], toERP: [FieldComparison],
                          base: FieldSnapshot) -> FieldSnapshot {
        var snapshot = base
        let sentToCRM = Set(toCRM.map(\.mapping.erpField)), sentToERP = Set(toERP.map(\.mapping.erpField))
        for comparison in used {
            let key = comparison.mapping.erpField
            let erp = sentToERP.contains(key) ? comparison.crmAsERP ?? comparison.erpValue : comparison.erpValue
            let crm = sentToCRM.contains(key) ? comparison.erpAsCRM ?? comparison.crmValue : comparison.crmValue
            snapshot[key] = SnapshotValue(erp: erp, crm: crm)
        }
        return snapshot
    }
}
