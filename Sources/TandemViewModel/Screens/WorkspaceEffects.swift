import TandemCore

/// Performs effects against a workspace: the only place the view model touches storage. It runs on
/// whatever thread the runtime chooses (a background queue in the terminal, inline in tests).
public struct WorkspaceEffects: Sendable {
    public let workspace: Workspace
    /// The connected sides' pulls (nil: neither side is connected, or the caller pulls elsewhere).
    public let puller: (any SidePuller)?
    /// Runs that were asked to stop; checked between batches.
    let cancelled = CancelledRuns()

    public init(workspace: Workspace, puller: (any SidePuller)? = nil) {
        self.workspace = workspace
        self.puller = puller
    }

    /// Performs one effect, delivering its actions (progress included) as they happen.
    public func perform(_ effect: Effect, deliver: (Action) -> Void) {
        do {
            switch effect {
            case .loadRows(let request):
                deliver(.rowsLoaded(try load(request)))
            case .countRows(let request):
                deliver(.totalCounted(request, try count(request)))
            // Performed inline, an effect has finished before the next is asked for: nothing is in
            // flight to cancel, and nothing waits out a debounce. The background runner does both.
            case .cancellable(_, _, let effect): perform(effect, deliver: deliver)
            case .cancel: break
            case .cancelRun(let token): cancelled.cancel(token)
            case .checkOthers(let since): deliver(checkOthers(since: since))
            case .synchronize(let dialog, let choice, let token):
                let request = try request(dialog, choice)
                try run(token: token, deliver: deliver, retry: (dialog, choice)) {
                    try SyncEngine(workspace: workspace).synchronize(request, progress: $0)
                }
            case .coupleDependencies(let retry, let token):
                let mapping = try workspace.store.mapping(named: retry.dialog.target.pane.page.mapping)
                let coupled = try DependencyCoupler(workspace: workspace).couple(for: mapping, problems: retry.problems)
                let said = coupled.map {
                    tr("Coupled {0} of the {1} {2} records they refer to by match.", $0.coupled, $0.referenced, $0.mapping)
                }.joined(separator: " ")
                let request = try request(retry.dialog, retry.choice)
                // The run after the mend offers no second one.
                try run(token: token, deliver: deliver, note: said) {
                    try SyncEngine(workspace: workspace).synchronize(request, progress: $0)
                }
            case .applyPlan(let preview, let token):
                try run(token: token, deliver: deliver) { try SyncEngine(workspace: workspace).apply(preview, progress: $0) }
            default: deliver(try perform(effect))
            }
        } catch {
            deliver(.failed(Self.message(error)))
        }
    }

    /// Whether someone (another process, a watcher, this one) wrote a record or ran a job since
    /// `since`: one indexed read per table and one of the newest job. The next look starts a little
    /// before now, so a write committed just after this look is not missed. A look that fails (a
    /// database out of reach) reports nothing and leaves the next one where this one started.
    private func checkOthers(since: Timestamp?) -> Action {
        let now = workspace.clock.now()
        guard let since else { return .othersChecked(changed: false, at: now.adding(milliseconds: -2_000)) }
        let tables = Array(workspace.erpTables.values) + Array(workspace.crmTables.values)
        do {
            let written = try tables.contains { !(try $0.versions(since: since, after: nil, limit: 1)).isEmpty }
            let newest = try workspace.store.jobs(limit: 1).first.map { max($0.startedAt, $0.finishedAt ?? $0.startedAt) }
            return .othersChecked(changed: written || (newest.map { $0 > since } ?? false), at: now.adding(milliseconds: -2_000))
        } catch {
            return .othersChecked(changed: false, at: since)
        }
    }

    /// Pulls every connected side and says what each table's pull brought.
    func pullSides() throws -> Action {
        guard let puller, !puller.connectedServices.isEmpty else {
            return .written(message: tr("Both sides are the embedded database: there is nothing to pull."))
        }
        let pulled = try puller.pullConnectedSides()
        let lines = pulled.map { tr("Pulled {0}: {1} new, {2} changed, {3} deleted.", $0.table, $0.changes.inserted,
                                     $0.changes.changed, $0.changes.deleted) }
        return .written(message: lines.joined(separator: " "), countsChanged: true)
    }

    /// A person-readable message for an error from the core.
    static func message(_ error: any Error) -> String { String(describing: error) }

    private func load(_ request: PageRequest) throws -> RowsLoaded {
        let mapping = try workspace.store.mapping(named: request.pane.page.mapping)
        let table = try workspace.table(of: mapping, on: request.pane.side)
        let search = request.filter.isEmpty ? nil : request.filter
        let limit = request.limit
        var records: [Record]
        var reachesStart = false, reachesEnd = false
        switch request.placement {
        case .first:
            records = try table.page(search: search, from: .first, limit: limit)
            reachesStart = true
            reachesEnd = records.count < limit
        case .last:
            records = try table.page(search: search, from: .last, limit: limit)
            reachesStart = records.count < limit
            reachesEnd = true
        case .after(let key):
            records = try table.page(search: search, from: .after(key), limit: limit)
            reachesEnd = records.count < limit
        case .before(let key):
            records = try table.page(search: search, from: .before(key), limit: limit)
            reachesStart = records.count < limit
        case .around(let id):
            guard let center = try table.record(id: id) else {
                records = try table.page(search: search, from: .first, limit: limit)
                reachesStart = true
                reachesEnd = records.count < limit
                break
            }
            let key = ListKey(center, schema: table.schema)
            let half = max(1, limit / 2)
            let before = try table.page(search: search, from: .before(key), limit: half)
            let after = try table.page(search: search, from: .after(key), limit: half)
            records = before + [center] + after
            reachesStart = before.count < half
            reachesEnd = after.count < half
        }
        let couplings = try workspace.store.couplingsByID(mapping: mapping.name, side: request.pane.side, ids: records.map(\.id))
        let rows = records.map { record in
            let coupling = couplings[record.id]
            return ListRow(record: record, schema: table.schema,
                           status: CouplingStatus.of(record, on: request.pane.side, coupling: coupling, mapping: mapping,
                                                     schema: table.schema),
                           counterpart: coupling?.id(on: request.pane.side.other))
        }
        return RowsLoaded(request: request, rows: rows, reachesStart: reachesStart, reachesEnd: reachesEnd)
    }

    /// The rows matching the request's filter in the whole table.
    private func count(_ request: PageRequest) throws -> Int {
        let mapping = try workspace.store.mapping(named: request.pane.page.mapping)
        return try workspace.table(of: mapping, on: request.pane.side).count(search: request.filter.isEmpty ? nil : request.filter)
    }
}
