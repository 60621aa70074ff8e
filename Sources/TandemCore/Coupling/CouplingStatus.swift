/// The mark a list shows on a record: how it stands with its counterpart.
public enum CouplingStatus: String, Sendable, Codable, CaseIterable {
    case notCoupled = "not-coupled"
    /// Coupled and in step as far as this side knows.
    case coupled
    /// Coupled, and this side's record changed since the last sync.
    case changed
    /// Excluded from synchronization until retried.
    case skipped
    /// The last pass either way failed.
    case failed

    /// The status of `record` (on `side`) given its coupling, judged from this side alone: the mapped
    /// fields against the snapshot, or the timestamp where there is no snapshot.
    public static func of(_ record: Record, on side: Side, coupling: Coupling?, mapping: TableMapping,
                          schema: TableSchema) -> CouplingStatus {
        guard let coupling else { return .notCoupled }
        if coupling.skipped { return .skipped }
        if coupling.hasFailure { return .failed }
        let changed = mapping.enabledFields.contains { field in
            guard let snapshot = coupling.snapshot[field.erpField] else {
                return coupling.recordChanged(on: side, modifiedAt: record.modifiedAt)
            }
            let name = field.field(on: side)
            return !FieldValue.same(record[name], snapshot.value(on: side), kind: schema.kind(of: name))
        }
        return changed ? .changed : .coupled
    }
}
