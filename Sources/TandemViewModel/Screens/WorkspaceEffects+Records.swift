import Foundation
import TandemCore

extension WorkspaceEffects {
    private func mapping(_ page: PageKind) throws -> TableMapping { try workspace.store.mapping(named: page.mapping) }

    /// The effects that answer with one action.
    func perform(_ effect: Effect) throws -> Action {
        switch effect {
        case .loadCard(let page, let side, let id):
            return .cardLoaded(page, side, id, try card(page, side, id))
        case .pullSides:
            return try pullSides()
        case .saveField(let page, let side, let id, let field, let value, let expected):
            let table = try workspace.table(of: mapping(page), on: side)
            // Someone else's edit since the card was read is never overwritten: the write is refused
            // and the card reloads with their version.
            do {
                try table.write(.update(id: id, fields: [field: value], expected: expected))
            } catch RecordSourceError.changedElsewhere {
                return .written(message: tr("Not saved: someone else changed this record since it was shown; it now shows their version."))
            }
            return .written(message: tr("{0} saved.", Captions.field(field, on: side)))
        case .loadDraft(let page, let erpID):
            let draft = try CouplingService(workspace: workspace).draft(mapping: page.mapping, erpID: erpID)
            let crmSchema = try workspace.table(of: mapping(page), on: .crm).schema
            return .draftLoaded(erpLabel: DisplayText.sanitized(draft.erpLabel),
                                crm: draft.currentCRMRecord.map { ChosenRecord(id: $0.id, label: DisplayText.sanitized(crmSchema.label(of: $0))) },
                                sync: draft.defaultSync)
        case .resolveCRM(let page, let text, let generation):
            do {
                let record = try CouplingService(workspace: workspace).findCRMRecord(mapping: page.mapping, reference: text)
                let schema = try workspace.table(of: mapping(page), on: .crm).schema
                return .crmResolved(generation: generation, ChosenRecord(id: record.id, label: DisplayText.sanitized(schema.label(of: record))),
                                    error: nil)
            } catch let error as TandemError {
                return .crmResolved(generation: generation, nil, error: error.description)
            }
        case .compare(let page, let erpID, let crmID):
            let pairs = try CouplingService(workspace: workspace).compare(mapping: page.mapping, erpID: erpID, crmID: crmID)
            return .comparisonLoaded(pairs.map {
                FieldPair(erpField: $0.erpField, crmField: $0.crmField, erpValue: DisplayText.sanitized($0.erpValue),
                          crmValue: DisplayText.sanitized($0.crmValue), differs: $0.differs)
            })
        case .lookup(let page, let search):
            let schema = try workspace.table(of: mapping(page), on: .crm).schema
            let rows = try CouplingService(workspace: workspace).lookupPage(mapping: page.mapping, search: search.isEmpty ? nil : search,
                                                                           from: .first, limit: 200)
            return .lookupLoaded(rows.map { row in
                let detail = schema.searchFields.dropFirst().map { row.record[$0] }.filter { !$0.isEmpty }.joined(separator: " · ")
                return LookupEntry(id: row.record.id, label: DisplayText.sanitized(schema.label(of: row.record)),
                                   detail: DisplayText.sanitized(detail), coupled: row.coupledERPID != nil)
            })
        case .couple(let page, let erpID, let crmID, let sync):
            do {
                let outcome = try CouplingService(workspace: workspace).couple(mapping: page.mapping, erpID: erpID, crmID: crmID, sync: sync)
                return .written(message: DisplayText.sanitized([outcome.job.message, outcome.sync?.summary].compactMap { $0 }.joined(separator: " ")))
            } catch let error as TandemError {
                return .couplingFailed(error.description)
            }
        case .createAndCouple(let page, let erpID):
            let outcome = try CouplingService(workspace: workspace).createNew(mapping: page.mapping, side: .erp, ids: [erpID])
            if let failure = outcome.outcomes.first(where: { $0.status == .failed }) {
                return .couplingFailed(DisplayText.sanitized(failure.message))
            }
            return .written(message: tr("Created the CRM record and coupled it."), countsChanged: true)
        case .askSync(let target):
            return .syncQuestionLoaded(try question(for: target))
        case .askSyncModified(let page):
            var dialog = SyncDialog(target: .records(PaneID(page, .erp), []), count: 0,
                                    question: try SyncEngine(workspace: workspace).questionForModified(mapping: page.mapping),
                                    single: false)
            dialog.modifiedOnly = true
            return .syncQuestionLoaded(dialog)
        case .preview(let dialog, let choice):
            let preview = try SyncEngine(workspace: workspace).preview(request(dialog, choice), keeping: PreviewState.shownLimit)
            return .previewLoaded(PreviewState(dialog: dialog, preview: preview, lines: PreviewLines.lines(preview),
                                               summary: PreviewLines.summary(preview)))
        case .uncouple(let target):
            let outcome = try CouplingService(workspace: workspace)
                .uncouple(mapping: target.pane.page.mapping, side: target.pane.side, ids: try ids(of: target))
            return .written(message: outcome.job.message)
        case .createNew(let target):
            let outcome = try CouplingService(workspace: workspace)
                .createNew(mapping: target.pane.page.mapping, side: target.pane.side, ids: try ids(of: target))
            let failures = outcome.outcomes.filter { $0.status == .failed }
            return .written(message: DisplayText.sanitized(outcome.job.message
                + (failures.first.map { " \($0.label): \($0.message)" } ?? "")), countsChanged: true)
        case .loadJobs:
            return .jobsLoaded(try workspace.store.jobs(limit: 500).map(workspace.current))
        case .loadJobErrors(let id):
            let job = try workspace.store.job(id).map(workspace.current)
            return .jobErrorsLoaded(job, try jobErrorRows(try workspace.store.jobErrors(id), mapping: job?.mapping))
        case .openMatch(let page, let target, let count):
            let mapping = try mapping(page)
            let rows = mapping.enabledFields.filter { $0.lookupMapping == nil }.map {
                MatchFieldRow(erpField: $0.erpField, crmField: $0.crmField, on: $0.matchOn, caseSensitive: $0.caseSensitive,
                              priority: $0.matchPriority)
            }
            return .matchDialogLoaded(MatchDialog(page: page, target: target, count: count, fields: rows))
        case .match(let dialog):
            let criteria = MatchCriteria(dialog.fields.filter(\.on).map {
                MatchCriterion(erpField: $0.erpField, crmField: $0.crmField, caseSensitive: $0.caseSensitive, priority: $0.priority)
            })
            let result = try MatchCoupler(workspace: workspace).match(
                mapping: dialog.page.mapping, erpIDs: try dialog.target.map(ids(of:)),
                options: MatchOptions(criteria: criteria, createNewIfNoMatch: dialog.createNew,
                                      synchronizeAfterCoupling: dialog.synchronize))
            var problems = result.unmatched.map { "\($0.label): \($0.reason.message)" } + result.failed.map { "\($0.label): \($0.message)" }
            let unlisted = result.counts.unmatched + result.counts.failed + result.counts.refused - problems.count
            if unlisted > 0 { problems.append(tr("… and {0} more", Format.integer(unlisted))) }
            let counts = result.counts
            return .matchFinished(ResultState(title: tr("Match-based coupling"),
                summary: tr("Coupled {0}, created {1}, unmatched {2}.", Format.integer(counts.coupled), Format.integer(counts.created),
                            Format.integer(counts.unmatched))
                    + (result.sync.map { " " + $0.summary } ?? ""),
                jobID: result.job.id, problems: problems.map(DisplayText.sanitized)))
        case .loadErrors:
            return .errorsLoaded(try JobLog(workspace: workspace).coupledDataErrors().map(ErrorRow.init))
        case .retry(let mapping, let erpIDs):
            let count = try JobLog(workspace: workspace).retry(mapping: mapping, erpIDs: erpIDs)
            return .written(message: trn("Cleared the skipped mark of {0} coupling.", "Cleared the skipped mark of {0} couplings.", count))
        case .retryAll:
            let count = try JobLog(workspace: workspace).retryAll()
            return .written(message: trn("Cleared the skipped mark of {0} coupling.", "Cleared the skipped mark of {0} couplings.", count))
        case .restore(let mapping, let erpID):
            do {
                _ = try JobLog(workspace: workspace).restoreRecord(mapping: mapping, erpID: erpID)
                return .written(message: tr("Restored the missing record and coupled it."), countsChanged: true)
            } catch let error as TandemError {
                return .failed(error.description)
            }
        case .deleteRecord(let mapping, let erpID):
            do {
                try JobLog(workspace: workspace).deleteRecord(mapping: mapping, erpID: erpID)
                return .written(message: tr("Deleted the surviving record and its coupling."), countsChanged: true)
            } catch let error as TandemError {
                return .failed(error.description)
            }
        case .previewUndo(let id):
            do {
                return .undoPreviewLoaded(UndoPreviewDialog(try JobUndoer(workspace: workspace).preview(id)))
            } catch let error as TandemError {
                return .failed(error.description)
            }
        case .undo(let id):
            do {
                let result = try JobUndoer(workspace: workspace).undo(id)
                let refused = result.refused.map { DisplayText.sanitized(tr("{0}: refused: {1}", $0.label, $0.message)) }
                let unlisted = result.refusedCount - result.refused.count
                return .undoFinished(ResultState(title: tr("Undo"), summary: DisplayText.sanitized(result.job.message), jobID: result.job.id,
                                                 problems: refused + (unlisted > 0 ? [tr("… and {0} more refused", Format.integer(unlisted))] : [])))
            } catch let error as TandemError {
                return .failed(error.description)
            }
        case .cleanupJobs(let days):
            let deleted = try JobLog(workspace: workspace).cleanup(olderThanDays: days)
            return .written(message: trn("Deleted {0} job from the log.", "Deleted {0} jobs from the log.", deleted))
        case .loadMappings:
            return .mappingsLoaded(try workspace.store.mappings())
        case .saveMapping(let mapping):
            try workspace.store.save(mapping)
            return .mappingsLoaded(try workspace.store.mappings())
        case .loadRows, .countRows, .synchronize, .applyPlan, .cancelRun, .cancellable, .cancel, .checkOthers, .coupleDependencies:
            throw TandemError.invalidCriteria("not a single-answer effect")
        }
    }

    /// A job's errors with their records named: No. and name from each side's table, looked up a
    /// batch at a time; "(deleted) id" when the record is gone.
    private func jobErrorRows(_ errors: [JobError], mapping name: String?) throws -> [JobErrorRow] {
        guard let name, let mapping = try? workspace.store.mapping(named: name) else {
            return errors.map { JobErrorRow(at: $0.at, sourceSide: $0.sourceSide, source: $0.sourceID?.rawValue,
                                            destination: $0.destinationID?.rawValue, message: DisplayText.sanitized($0.message)) }
        }
        var labels: [Side: [RecordID: String]] = [:]
        for side in Side.allCases {
            let table = try workspace.table(of: mapping, on: side)
            let ids = errors.compactMap { $0.sourceSide == side ? $0.sourceID : $0.destinationID }
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
                for (id, record) in try table.recordsByID(chunk) { labels[side, default: [:]][id] = table.schema.label(of: record) }
            }
        }
        func label(_ id: RecordID?, on side: Side) -> String? {
            id.map { id in DisplayText.sanitized(labels[side]?[id] ?? tr("(deleted) {0}", id.rawValue)) }
        }
        return errors.map { error in
            JobErrorRow(at: error.at, sourceSide: error.sourceSide, source: label(error.sourceID, on: error.sourceSide),
                        destination: label(error.destinationID, on: error.sourceSide.other),
                        message: DisplayText.sanitized(error.message))
        }
    }

    /// The ids a target stands for; "every row shown" pages through the filter by key.
    func ids(of target: RecordTarget) throws -> [RecordID] {
        switch target {
        case .records(_, let ids): return ids
        case .allShown(let pane, let filter, let except):
            let table = try workspace.table(of: mapping(pane.page), on: pane.side)
            var ids: [RecordID] = []
            guard !filter.isEmpty else {
                // No filter: every record, read as ids only (no fields decoded), in id order.
                var after: RecordID?
                while true {
                    let batch = try table.scan(after: after, limit: 5000, fields: [])
                    guard let last = batch.last else { return ids }
                    ids += batch.map(\.id).filter { !except.contains($0) }
                    after = last.id
                }
            }
            var start = PageStart.first
            while true {
                let page = try table.page(search: filter.isEmpty ? nil : filter, from: start, limit: 1000)
                guard let last = page.last else { return ids }
                ids += page.map(\.id).filter { !except.contains($0) }
                start = .after(ListKey(last, schema: table.schema))
            }
        }
    }

    private func question(for target: RecordTarget) throws -> SyncDialog {
        let ids = try ids(of: target)
        let engine = SyncEngine(workspace: workspace)
        if ids.count == 1, let id = ids.first {
            let check = try engine.check(mapping: target.pane.page.mapping, side: target.pane.side, id: id)
            return SyncDialog(target: .records(target.pane, ids), count: 1, question: sanitized(check.question), single: true)
        }
        return SyncDialog(target: .records(target.pane, ids), count: ids.count,
                          question: try engine.questionForSelection(mapping: target.pane.page.mapping), single: false)
    }

    private func sanitized(_ question: SyncQuestion) -> SyncQuestion {
        switch question {
        case .setUpCoupling(let text): .setUpCoupling(text: text)
        case .menu(let title, let options, let recommended, let warning):
            .menu(title: DisplayText.sanitized(title), options: options, recommended: recommended, warning: warning.map(DisplayText.sanitized))
        case .confirm(let text, let choice, let defaultYes): .confirm(text: DisplayText.sanitized(text), choice: choice, defaultYes: defaultYes)
        }
    }

    func request(_ dialog: SyncDialog, _ choice: SyncChoice) throws -> SyncRequest {
        SyncRequest(mapping: dialog.target.pane.page.mapping,
                    selection: dialog.modifiedOnly ? .modified : .records(dialog.target.pane.side, try ids(of: dialog.target)),
                    choice: choice, overwriteChangedDestination: dialog.single)
    }

    /// Runs a synchronization (fresh, or a previewed plan), reporting progress between batches and
    /// stopping when cancelled, and ends with its result.
    /// With `retry`, a run whose records failed on a dependency not coupled offers to couple it and
    /// run again; `note` says what was done before the run, above its summary.
    func run(token: Int, deliver: (Action) -> Void, retry: (SyncDialog, SyncChoice)? = nil, note: String? = nil,
             _ body: (@escaping ProgressHandler) throws -> SyncResult) throws {
        let waitedBefore = puller?.secondsWaited() ?? [:]
        let waitedSince = { (puller?.secondsWaited() ?? [:]).map { ($0.key, $0.value - waitedBefore[$0.key, default: 0]) } }
        let result = try withoutActuallyEscaping(deliver) { deliver in
            try body { progress in
                let waited = Dictionary(uniqueKeysWithValues: waitedSince().filter { $0.1 >= 0.5 })
                deliver(.syncProgress(token: token, done: progress.done, total: progress.total, waited: waited))
                return !cancelled.isCancelled(token)
            }
        }
        let unlisted = result.unlistedProblems > 0
            ? [tr("… and {0} more (failures are in the job's errors)", Format.integer(result.unlistedProblems))] : []
        // Overwrites the policy allowed are named with the values lost, after the problems.
        let overwrites = result.overwrites.flatMap { record in
            record.changes.map { change in
                DisplayText.sanitized(tr("{0}: overwrote {1} {2} \"{3}\" with \"{4}\"", record.label, change.side.displayName,
                                         Captions.field(change.change.field, on: change.side), change.change.oldValue,
                                         change.change.newValue))
            }
        }
        var finished = ResultState(summary: result.summary, jobID: result.job.id,
                                   problems: result.problems.map { DisplayText.sanitized("\($0.label): \($0.message)") } + unlisted + overwrites)
        let waited = WaitedSummary.text(Dictionary(uniqueKeysWithValues: waitedSince()))
            .map { tr("Waited {0} (throttling, a busy service or lost answers).", $0) }
        let notes = [note, waited].compactMap { $0 }
        finished.note = notes.isEmpty ? nil : notes.joined(separator: " ")
        let dependent = result.problems.filter { $0.failure?.isUncoupledDependency ?? false }
        if let retry, !dependent.isEmpty {
            finished.dependencies = DependencyRetry(dialog: retry.0, choice: retry.1, problems: dependent,
                                                    referencedTables: try referencedTables(of: retry.0.target.pane.page, dependent))
        }
        deliver(.syncFinished(token: token, finished))
    }

    /// The ERP tables of the lookups these failures are about, in the mapping's field order.
    private func referencedTables(of page: PageKind, _ problems: [RecordOutcome]) throws -> [String] {
        let mapping = try mapping(page)
        var tables: [String] = []
        for field in mapping.enabledFields {
            guard let lookup = field.lookupMapping else { continue }
            let named = problems.contains { problem in
                switch problem.failure {
                case .lookupNotCoupled(let name, _)?: name == field.erpField || name == field.crmField
                case .companyNotCoupled?: lookup == DefaultMappings.customerName
                default: false
                }
            }
            if named { tables.append(try workspace.store.mapping(named: lookup).erpTable) }
        }
        return tables
    }

    private func card(_ page: PageKind, _ side: Side, _ id: RecordID) throws -> CardData {
        let mapping = try mapping(page)
        let table = try workspace.table(of: mapping, on: side)
        guard let record = try table.record(id: id) else { return CardData(record: nil, coupling: nil) }
        guard let coupling = try workspace.store.coupling(mapping: mapping.name, side: side, id: id) else {
            return CardData(record: record, coupling: nil)
        }
        let otherTable = try workspace.table(of: mapping, on: side.other)
        let other = try otherTable.record(id: coupling.id(on: side.other))
        let check = other == nil ? nil : try SyncEngine(workspace: workspace).check(mapping: mapping.name, side: side, id: id)
        return CardData(record: record, coupling: CouplingSummary(
            counterpartID: coupling.id(on: side.other),
            counterpartLabel: other.map { DisplayText.sanitized(otherTable.schema.label(of: $0)) },
            status: CouplingStatus.of(record, on: side, coupling: coupling, mapping: mapping, schema: table.schema),
            toCRM: coupling.lastResultToCRM, fromCRM: coupling.lastResultFromCRM,
            erpSyncedAt: coupling.erpModifiedAtLastSync, crmSyncedAt: coupling.crmModifiedAtLastSync,
            skipped: coupling.skipped, lastError: coupling.lastError.map { DisplayText.sanitized($0.message) },
            changedOnERP: check?.changedOnERPOnly ?? [], changedOnCRM: check?.changedOnCRMOnly ?? [],
            conflicts: check?.conflicts.map {
                FieldConflict(erpField: $0.erpField, crmField: $0.crmField, erpValue: DisplayText.sanitized($0.erpValue),
                              crmValue: DisplayText.sanitized($0.crmValue), lastSyncedValue: $0.lastSyncedValue.map(DisplayText.sanitized))
            } ?? []))
    }
}
