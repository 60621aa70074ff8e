/// Finishes creations whose job ended without finishing them (a crash, a kill): a record that was
/// created gets its coupling; an intent whose record never appeared is dropped (the next create makes
/// it afresh). Intents of a job that is still running are left to it.
public enum IntentRecovery {
    /// Returns how many interrupted creations were coupled.
    @discardableResult
    public static func recover(mapping: TableMapping, in workspace: Workspace) throws -> Int {
        let intents = try workspace.store.creationIntents(mapping: mapping.name)
        guard !intents.isEmpty else { return 0 }
        var running: [JobID: Bool] = [:]
        func isRunning(_ id: JobID) throws -> Bool {
            if let known = running[id] { return known }
            let alive = try workspace.store.job(id).map(workspace.isRunning) ?? false
            running[id] = alive
            return alive
        }
        var changes = WorkspaceChanges()
        for intent in intents where try !isRunning(intent.jobID) {
            let table = try workspace.table(of: mapping, on: intent.side)
            guard try table.record(id: intent.newID) != nil else {
                changes.couplings.append(.resolve(intent, coupling: nil, replacing: nil))
                continue
            }
            // A restore's source is still coupled to the record it re-created: that pair goes.
            let sourceSide = intent.side.other
            let current = try workspace.store.coupling(mapping: mapping.name, side: sourceSide, id: intent.sourceID)
            var replacing: CouplingPair?
            if let current, try table.record(id: current.id(on: intent.side)) == nil { replacing = current.pair }
            let coupling = Coupling(mapping: mapping.name, erpID: intent.erpID, crmID: intent.crmID)
            changes.couplings.append(.resolve(intent, coupling: coupling, replacing: replacing))
        }
        let refused = try workspace.store.commit(changes)
        return changes.couplings.indices.filter { index in
            guard refused[index] == nil, case .resolve(_, .some, _) = changes.couplings[index] else { return false }
            return true
        }.count
    }
}
