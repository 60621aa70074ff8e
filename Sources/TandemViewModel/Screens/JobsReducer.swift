import TandemCore

extension Reducer {
    static func receiveForJobs(_ state: inout AppState, _ action: Action) -> [Effect] {
        guard let top = state.screens.indices.last else { return [] }
        switch (action, state.screens[top]) {
        case (.jobsLoaded(let jobs), .jobs(var screen)):
            screen.jobs = jobs
            screen.loaded = true
            screen.cursor = min(screen.cursor, max(0, jobs.count - 1))
            state.screens[top] = .jobs(screen)
        case (.jobErrorsLoaded(let job, let errors), .jobErrors(var screen)) where job?.id == screen.jobID || job == nil:
            screen.job = job
            screen.errors = errors
            state.screens[top] = .jobErrors(screen)
        default:
            break
        }
        return []
    }

    static func jobsKey(_ key: Key, _ context: Context, _ state: inout AppState) -> [Effect] {
        guard let top = state.screens.indices.last, let command = Bindings.command(for: key, in: context) else { return [] }
        if command == .back {
            state.screens.removeLast()
            return []
        }
        if command == .help { return openHelp(&state) }
        switch state.screens[top] {
        case .jobs(var screen):
            let last = max(0, screen.jobs.count - 1)
            switch command {
            case .moveDown: screen.cursor = min(last, screen.cursor + 1)
            case .moveUp: screen.cursor = max(0, screen.cursor - 1)
            case .pageDown: screen.cursor = min(last, screen.cursor + state.visibleRows)
            case .pageUp: screen.cursor = max(0, screen.cursor - state.visibleRows)
            case .top: screen.cursor = 0
            case .bottom: screen.cursor = last
            case .cleanupOld, .cleanupAll:
                let days: Int? = command == .cleanupOld ? 7 : nil
                state.modal = .confirm(ConfirmDialog(
                    text: days.map {
                        trn("Delete the jobs started more than {0} day ago? Failed jobs that a skipped coupling still refers to are kept.",
                            "Delete the jobs started more than {0} days ago? Failed jobs that a skipped coupling still refers to are kept.", $0)
                    } ?? tr("Delete every job? Failed jobs that a skipped coupling still refers to are kept."),
                    purpose: .cleanup(olderThanDays: days), defaultYes: false))
                return []
            case .undo:
                guard let job = screen.jobs[safe: screen.cursor] else { return [] }
                return [.previewUndo(job.id)]
            case .open:
                guard let job = screen.jobs[safe: screen.cursor] else { return [] }
                state.screens.append(.jobErrors(JobErrorsState(jobID: job.id)))
                return [.loadJobErrors(job.id)]
            default: break
            }
            state.screens[top] = .jobs(screen)
        case .jobErrors(var screen):
            let last = max(0, screen.errors.count - 1)
            switch command {
            case .moveDown: screen.cursor = min(last, screen.cursor + 1)
            case .moveUp: screen.cursor = max(0, screen.cursor - 1)
            case .pageDown: screen.cursor = min(last, screen.cursor + JobScreenLayout.errorsShown(state.size))
            case .pageUp: screen.cursor = max(0, screen.cursor - JobScreenLayout.errorsShown(state.size))
            default: break
            }
            // Two rows an error: the window follows the cursor.
            let shown = JobScreenLayout.errorsShown(state.size)
            if screen.cursor < screen.scroll { screen.scroll = screen.cursor }
            if screen.cursor >= screen.scroll + shown { screen.scroll = screen.cursor - shown + 1 }
            state.screens[top] = .jobErrors(screen)
        default:
            break
        }
        return []
    }
}
