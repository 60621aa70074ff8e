extension Workspace {
    /// This workspace with other sources standing in for some tables of `side` (a remote side's
    /// tables, which read their replica and send writes to the service).
    public func replacingTables(_ replacements: [any RecordSource], on side: Side) -> Workspace {
        var erp: [any RecordSource] = Array(erpTables.values)
        var crm: [any RecordSource] = Array(crmTables.values)
        for replacement in replacements {
            if side == .erp { erp.removeAll { $0.schema.name == replacement.schema.name }; erp.append(replacement) }
            else { crm.removeAll { $0.schema.name == replacement.schema.name }; crm.append(replacement) }
        }
        return Workspace(store: store, erpTables: erp, crmTables: crm, clock: clock, leases: leases)
    }
}
