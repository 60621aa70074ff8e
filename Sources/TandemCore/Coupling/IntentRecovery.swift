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
            guard let createdID = try created(intent, in: table, workspace: workspace) else {
                changes.couplings.append(.resolve(intent, coupling: nil, replacing: nil))
                continue
            }
            // A restore's source is still coupled to the record it re-created: that pair goes.
            let sourceSide = intent.side.other
            let current = try workspace.store.coupling(mapping: mapping.name, side: sourceSide, id: intent.sourceID)
            var replacing: CouplingPair?
            if let current, try table.record(id: current.id(on: intent.side)) == nil { replacing = current.pair }
            var coupling = Coupling(mapping: mapping.name, erpID: intent.side == .erp ? createdID : intent.sourceID,
                                    crmID: intent.side == .crm ? createdID : intent.sourceID)
            try recordCreation(intent, createdID: createdID, in: &coupling, mapping: mapping, workspace: workspace)
            changes.couplings.append(.resolve(intent, coupling: coupling, replacing: replacing))
        }
        let refused = try workspace.store.commit(changes)
        return changes.couplings.indices.filter { index in
            guard refused[index] == nil, case .resolve(_, .some, _) = changes.couplings[index] else { return false }
            return true
        }.count
    }

    /// The id of the record an intent created: its own id, or — on a service that assigns ids itself
    /// (Business Central), whose answer the crash lost — the record that came back under the intent's
    /// number, if it is coupled to nothing and was written no earlier than the intent's job began.
    private static func created(_ intent: CreationIntent, in table: any RecordSource, workspace: Workspace) throws -> RecordID? {
        if try table.record(id: intent.newID) != nil { return intent.newID }
        guard let number = intent.number, !number.isEmpty,
              let found = try table.records(numbers: [number]).first,
              let job = try workspace.store.job(intent.jobID), found.modifiedAt >= job.startedAt,
              try workspace.store.coupling(mapping: intent.mapping, side: intent.side, id: found.id) == nil
        else { return nil }
        return found.id
    }

    /// Marks the recovered pair synchronized as its creation left it, as a creation that finished would
    /// have, when the source was last written before the creating job began (so it holds exactly what
    /// the creation sent). Without this the pair would stay "never synchronized", and a field the
    /// service does not keep (Business Central's customer Contact) would make every later run refuse
    /// it. A source written since may hold an edit the creation did not carry: that pair stays never
    /// synchronized, for the next run to compare.
    private static func recordCreation(_ intent: CreationIntent, createdID: RecordID, in coupling: inout Coupling,
                                       mapping: TableMapping, workspace: Workspace) throws {
        let sourceSide = intent.side.other
        guard let source = try workspace.table(of: mapping, on: sourceSide).record(id: intent.sourceID),
              let made = try workspace.table(of: mapping, on: intent.side).record(id: createdID),
              let job = try workspace.store.job(intent.jobID), source.modifiedAt <= job.startedAt else { return }
        coupling.snapshot = RecordBlueprint.snapshot(for: mapping, source: source, sourceSide: sourceSide, created: made.fields)
        coupling.recordSuccess(SyncDirection.from(sourceSide), job: intent.jobID, at: workspace.clock.now(),
                               erpModifiedAt: sourceSide == .erp ? source.modifiedAt : made.modifiedAt,
                               crmModifiedAt: sourceSide == .crm ? source.modifiedAt : made.modifiedAt)
    }
}
