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
