/// "Synchronize modified records": the coupled pairs where either side changed since its last sync
/// — a record's version differs from the one its coupling stored — plus the pairs never synchronized
/// or whose last pass failed. Found through each side's index on `modifiedAt` from the mapping's
/// `SyncMark` and the couplings' partial indexes, so the cost follows the changes, not the table.
enum ModifiedPairs {
    /// The ERP ids of those pairs, in ERP id order.
    static func erpIDs(mapping: TableMapping, in workspace: Workspace, pageSize: Int = 1_000) throws -> [RecordID] {
        var selected = Set(try workspace.store.unsettledCouplings(mapping: mapping.name).map(\.erpID))
        for side in Side.allCases {
            let table = try workspace.table(of: mapping, on: side)
            let since = try workspace.store.syncMark(mapping: mapping.name, side: side)
            var after: RecordVersion?
            while true {
                let versions = try table.versions(since: since, after: after, limit: pageSize)
                guard let last = versions.last else { break }
                let couplings = try workspace.store.couplingsByID(mapping: mapping.name, side: side, ids: versions.map(\.id))
                for version in versions {
                    guard let coupling = couplings[version.id] else { continue }
                    let stored = side == .erp ? coupling.erpModifiedAtLastSync : coupling.crmModifiedAtLastSync
                    if stored != version.modifiedAt { selected.insert(coupling.erpID) }
                }
                after = last
            }
        }
        return selected.sorted()
    }
}

extension ModifiedPairs {
    /// The versions each side's record of these pairs holds now, with the pair's coupling (nil when
    /// the pair was uncoupled meanwhile; a version is nil when that record is gone).
    static func current(_ erpIDs: [RecordID], mapping: TableMapping, in workspace: Workspace) throws
        -> [(erpID: RecordID, coupling: Coupling?, erp: Timestamp?, crm: Timestamp?)] {
        let couplings = try workspace.store.couplingsByID(mapping: mapping.name, side: .erp, ids: erpIDs)
        let erp = try workspace.table(of: mapping, on: .erp).recordsByID(erpIDs)
        let crm = try workspace.table(of: mapping, on: .crm).recordsByID(couplings.values.map(\.crmID))
        return erpIDs.map { id in
            let coupling = couplings[id]
            return (id, coupling, erp[id]?.modifiedAt, coupling.flatMap { crm[$0.crmID]?.modifiedAt })
        }
    }

    /// Whether a pair, as `current` found it, is still out of step by the rule `erpIDs(mapping:in:)`
    /// applies: a pair another worker synchronized since the ids were found is not, nor one uncoupled
    /// meanwhile. A pair one of whose records is gone is, for the engine to report.
    static func isStillModified(coupling: Coupling?, erp: Timestamp?, crm: Timestamp?) -> Bool {
        guard let coupling else { return false }
        guard !coupling.isUnsettled, let erp, let crm else { return true }
        return erp != coupling.erpModifiedAtLastSync || crm != coupling.crmModifiedAtLastSync
    }
}
