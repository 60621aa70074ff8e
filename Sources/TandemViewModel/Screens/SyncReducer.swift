import TandemCore

extension Reducer {
    static func receiveForSync(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .syncQuestionLoaded(let dialog):
            if case .setUpCoupling(let text) = dialog.question, case .records(let pane, let ids) = dialog.target,
               let id = ids.first {
                // "The record is not coupled. Do you want to set up a coupling?" (default No).
                let erpID = pane.side == .erp ? id : nil
                guard let erpID else {
                    state.refuse(tr("The record is not coupled. Set up coupling from the ERP record."))
                    return []
                }
                let label = state[pane].rows.first { $0.id == id }?.label(state.schema(pane)) ?? ""
                state.modal = .confirm(ConfirmDialog(text: text, purpose: .setUpCoupling(pane.page, erpID: erpID, label: label),
                                                     defaultYes: false))
                return []
            }
            state.modal = .syncQuestion(dialog)
        case .previewLoaded(let preview):
            state.modal = .preview(preview)
        case .syncProgress(let token, let done, let total, let waited):
            if case .progress(var progress)? = state.modal, progress.token == token {
                progress.done = done
                progress.total = total
                progress.waited = waited
                state.modal = .progress(progress)
            }
        case .syncFinished(let token, let result):
            if case .progress(let progress)? = state.modal, progress.token != token { return [] }
            state.modal = .result(result)
            for side in Side.allCases { state[PaneID(state.page, side)].selection.clear() }
            return refresh(state, countsChanged: true)
        default:
            break
        }
        return []
    }

    /// Starts the run the dialog describes, with a progress dialog that can cancel it.
    private static func run(_ dialog: SyncDialog, _ choice: SyncChoice, _ state: inout AppState) -> [Effect] {
        let token = startRun(SyncDialog.label(choice), total: dialog.count, &state)
        return [.synchronize(dialog, choice, token: token)]
    }

    /// Opens the progress dialog of a cancellable run and names the run.
    private static func startRun(_ title: String, total: Int, _ state: inout AppState) -> Int {
        let token = state.nextRunToken
        state.nextRunToken += 1
        state.modal = .progress(ProgressState(title: title, total: total, token: token))
        return token
    }

    static func syncDialogKey(_ key: Key, _ context: Context, _ state: inout AppState) -> [Effect] {
        let command = Bindings.command(for: key, in: context)
        switch state.modal {
        case .syncQuestion(var dialog)?:
            switch command {
            case .moveDown?: dialog.cursor = min(dialog.options.count - 1, dialog.cursor + 1)
            case .moveUp?: dialog.cursor = max(0, dialog.cursor - 1)
            case .cancel?:
                state.modal = nil
                return []
            case .preview?:
                guard let choice = dialog.choice else { return [] }
                return [.preview(dialog, choice)]
            case .accept?:
                guard let choice = dialog.choice else {
                    state.modal = nil
                    return []
                }
                return run(dialog, choice, &state)
            default: break
            }
            state.modal = .syncQuestion(dialog)
        case .preview(var preview)?:
            switch command {
            case .moveDown?: preview.scroll = min(max(0, preview.lines.count - 1), preview.scroll + 1)
            case .moveUp?: preview.scroll = max(0, preview.scroll - 1)
            case .pageDown?: preview.scroll = min(max(0, preview.lines.count - 1), preview.scroll + state.visibleRows)
            case .pageUp?: preview.scroll = max(0, preview.scroll - state.visibleRows)
            case .cancel?:
                state.modal = .syncQuestion(preview.dialog)
                return []
            case .accept?:
                guard let choice = preview.dialog.choice else { return [] }
                let token = startRun(SyncDialog.label(choice), total: preview.preview.counts.records, &state)
                return [.applyPlan(preview.preview, token: token)]
            default: break
            }
            state.modal = .preview(preview)
        case .progress(var progress)?:
            guard command == .cancel, let token = progress.token, !progress.cancelRequested else { return [] }
            progress.cancelRequested = true
            state.modal = .progress(progress)
            return [.cancelRun(token: token)]
        case .result(var result)?:
            let last = ResultWidget.lastScroll(result.problems.count, on: state.size)
            if let scroll = ScrollCommand.scrolled(result.scroll, by: command, last: last, page: state.visibleRows) {
                result.scroll = scroll
            }
            switch command {
            case .closeOverlay?:
                state.modal = nil
                return []
            case .open?:
                state.modal = nil
                guard let job = result.jobID else { return [] }
                state.screens.append(.jobErrors(JobErrorsState(jobID: job)))
                return [.loadJobErrors(job)]
            case .coupleDependencies?:
                guard let retry = result.dependencies else { break }
                let token = startRun(SyncDialog.label(retry.choice), total: retry.dialog.count, &state)
                return [.coupleDependencies(retry, token: token)]
            default: break
            }
            state.modal = .result(result)
        case .confirm(var confirm)?:
            switch command {
            case .toggle? where key == .character("y") || key == .character("n"):
                // y and n answer at once, as the letters promise.
                state.modal = nil
                guard key == .character("y") else { return [] }
                return answerYes(confirm.purpose, &state)
            case .toggle?:
                confirm.yes.toggle()
                state.modal = .confirm(confirm)
            case .cancel?:
                state.modal = nil
            case .accept?:
                state.modal = nil
                guard confirm.yes else { return [] }
                return answerYes(confirm.purpose, &state)
            default: break
            }
        default:
            break
        }
        return []
    }

    /// What a confirmed question does.
    private static func answerYes(_ purpose: ConfirmDialog.Purpose, _ state: inout AppState) -> [Effect] {
        switch purpose {
        case .setUpCoupling(let page, let erpID, let label):
            state.modal = .coupling(CouplingDialog(page: page, erpID: erpID, erpLabel: label))
            return [.loadDraft(page, erpID: erpID)]
        case .deleteCoupling(let target): return [.uncouple(target)]
        case .createNew(let target): return [.createNew(target)]
        case .cleanup(let days): return [.cleanupJobs(olderThanDays: days)]
        case .deleteRecord(let mapping, let erpID): return [.deleteRecord(mapping: mapping, erpID: erpID)]
        }
    }
}
