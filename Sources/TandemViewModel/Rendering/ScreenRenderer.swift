import Foundation
import TandemCore

/// The screens above the list pages: a record's card, the job log, one job's errors.
enum ScreenRenderer {
    static func status(_ state: AppState) -> String {
        switch state.screens.last {
        case .card(let card)?:
            guard card.loaded else { return tr("loading…") }
            guard card.record != nil else { return tr("This record no longer exists.") }
            guard let coupling = card.coupling else { return tr("not coupled") }
            switch coupling.status {
            case .coupled: return tr("coupled · in step as far as this side knows")
            case .changed: return tr("coupled · changed here since the last sync")
            case .skipped: return tr("coupled · skipped until retried")
            case .failed: return tr("coupled · the last sync failed")
            case .notCoupled: return tr("not coupled")
            }
        case .jobs(let jobs)?: return jobs.loaded ? trn("{0} job", "{0} jobs", jobs.jobs.count) : tr("loading…")
        case .jobErrors(let screen)?: return trn("{0} error", "{0} errors", screen.errors.count)
        case .errors(let screen)?:
            return screen.loaded ? trn("{0} coupling with errors", "{0} couplings with errors", screen.rows.count) : tr("loading…")
        case .mappings(let view)?: return view.mappings[safe: view.selected].map { tr("mapping {0}", $0.name) } ?? tr("loading…")
        case nil: return ""
        }
    }

    static func drawCard(_ card: CardState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        let schema = state.schema(PaneID(card.page, card.side))
        let label = card.record.map { DisplayText.sanitized(schema.label(of: $0)) } ?? ""
        Renderer.drawTitle("\(card.side.displayName) \(Renderer.shortName(schema)) \(label)", state, &canvas)
        guard let record = card.record else { return }
        // Fields on the left, grouped; the coupling box on the right when there is room.
        let boxWidth = size.width >= 100 ? 44 : size.width >= 76 ? 36 : 0
        let fieldWidth = size.width - boxWidth - (boxWidth > 0 ? 1 : 0)
        let captions = schema.fields.map { Captions.field($0.name, on: card.side) }
        let nameWidth = min(22, captions.map { DisplayWidth.of($0) }.max() ?? 10)
        var lines: [(text: String, value: String?, index: Int?)] = []
        for group in CardLayout.groups(schema) {
            lines.append((Captions.group(group), nil, nil))
            for index in schema.fields.indices where schema.fields[index].group == group {
                let value = index == card.cursor && card.editing != nil ? DisplayText.sanitized(card.editing ?? "") + "▏"
                    : DisplayText.sanitized(record[schema.fields[index].name])
                lines.append((captions[index], value, index))
            }
        }
        let visible = size.height - 4
        let cursorLine = lines.firstIndex { $0.index == card.cursor } ?? 0
        let first = max(0, min(cursorLine - visible / 2, lines.count - visible))
        for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            let row = 2 + offset
            guard let value = line.value else {
                canvas.draw(" " + line.text, row: row, column: 0, width: fieldWidth, style: .header)
                continue
            }
            let style: StyleRole = line.index == card.cursor ? (card.editing != nil ? .focused : .cursor) : .normal
            canvas.fill(row: row, column: 0, width: fieldWidth, style: style)
            canvas.draw("   " + line.text, row: row, column: 0, width: nameWidth + 3, style: style)
            canvas.draw(value, row: row, column: nameWidth + 5, width: fieldWidth - nameWidth - 5, style: style)
        }
        if boxWidth > 0 { drawCouplingBox(card, state, column: fieldWidth + 1, width: boxWidth, &canvas) }
    }

    private static func drawCouplingBox(_ card: CardState, _ state: AppState, column: Int, width: Int, _ canvas: inout Canvas) {
        var lines: [(String, StyleRole)] = []
        if let coupling = card.coupling {
            let zone = state.timeZone
            lines.append((tr("Coupled to"), .header))
            lines.append(("  " + (coupling.counterpartLabel ?? tr("(deleted) {0}", coupling.counterpartID)),
                          coupling.counterpartLabel == nil ? .failed : .normal))
            let (mark, style) = Renderer.mark(coupling.status)
            lines.append(("  \(mark) \(statusWord(coupling.status))" + (coupling.skipped ? " · " + tr("skipped") : ""), style))
            lines.append((tr("To CRM   {0}", describe(coupling.toCRM, in: zone)), coupling.toCRM?.succeeded == false ? .failed : .normal))
            lines.append((tr("From CRM {0}", describe(coupling.fromCRM, in: zone)), coupling.fromCRM?.succeeded == false ? .failed : .normal))
            lines.append((tr("ERP synced {0}", coupling.erpSyncedAt.map { Format.dateTime($0, in: zone) } ?? tr("never")), .dim))
            lines.append((tr("CRM synced {0}", coupling.crmSyncedAt.map { Format.dateTime($0, in: zone) } ?? tr("never")), .dim))
            if !coupling.changedOnERP.isEmpty {
                let fields = coupling.changedOnERP.map { Captions.field($0, on: .erp) }.joined(separator: ", ")
                lines.append((tr("Changed in ERP: {0}", fields), .changed))
            }
            if !coupling.changedOnCRM.isEmpty { lines.append((tr("Changed in CRM: {0}", coupling.changedOnCRM.joined(separator: ", ")), .changed)) }
            for conflict in coupling.conflicts { lines.append((tr("Conflict: {0}", conflict.summary), .conflict)) }
            if let error = coupling.lastError { lines.append((tr("Last error: {0}", error), .failed)) }
        } else {
            lines.append((tr("Not coupled"), .dim))
            lines.append((tr("c sets up a coupling"), .dim))
        }
        let height = min(state.size.height - 4, lines.count + 2)
        canvas.box(top: 2, left: column, width: width, height: height, title: tr("Coupling"), style: .normal)
        for (index, line) in lines.prefix(height - 2).enumerated() {
            canvas.draw(line.0, row: 3 + index, column: column + 2, width: width - 4, style: line.1)
        }
    }

    /// The coupling status in a word, as the card's box shows it.
    private static func statusWord(_ status: CouplingStatus) -> String {
        switch status {
        case .coupled: tr("coupled")
        case .changed: tr("changed")
        case .skipped: tr("skipped")
        case .failed: tr("failed")
        case .notCoupled: tr("not coupled")
        }
    }

    private static func describe(_ result: PassResult?, in zone: TimeZone) -> String {
        guard let result else { return tr("never") }
        let at = Format.dateTime(result.at, in: zone)
        return result.succeeded ? tr("ok {0} (job {1})", at, result.jobID) : tr("failed {0} (job {1})", at, result.jobID)
    }

    static func drawJobs(_ screen: JobsState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        Renderer.drawTitle(tr("Synchronization jobs"), state, &canvas)
        canvas.draw(tr("   Job  Started           Type             Mapping              Result"), row: 1, column: 0,
                    width: size.width, style: .header)
        let visible = JobScreenLayout.jobsShown(size)
        let first = max(0, min(screen.cursor - visible / 2, screen.jobs.count - visible))
        for (offset, job) in screen.jobs.dropFirst(first).prefix(visible).enumerated() {
            let index = first + offset
            let style: StyleRole = index == screen.cursor ? .cursor : job.counters.failed > 0 || job.interrupted ? .failed : .normal
            let text = String(format: "%6lld  ", job.id) + Format.dateTime(job.startedAt, in: state.timeZone) + "  "
                + DisplayWidth.fit(job.type.rawValue, to: 15) + "  " + DisplayWidth.fit(job.caption, to: 19) + "  "
                + DisplayText.sanitized(job.message)
            canvas.draw(text, row: 2 + offset, column: 0, width: size.width, style: style)
        }
        if screen.loaded && screen.jobs.isEmpty { canvas.draw("   (no jobs yet)", row: 2, column: 0, width: size.width, style: .dim) }
        guard let job = screen.jobs[safe: screen.cursor] else { return }
        let top = size.height - 2 - JobScreenLayout.detailRows
        canvas.draw(String(repeating: "─", count: size.width), row: top, column: 0, width: size.width, style: .dim)
        for (offset, line) in detailLines(job, in: state.timeZone).enumerated() {
            canvas.draw(" " + line, row: top + 1 + offset, column: 0, width: size.width, style: offset == 0 ? .header : .normal)
        }
    }

    /// The cursor job in full: when it ran and for how long, every counter, and what undid it.
    static func detailLines(_ job: SyncJob, in zone: TimeZone) -> [String] {
        let finished: String
        if let end = job.finishedAt, let duration = job.durationMilliseconds {
            finished = tr("finished {0}, took {1}", Format.dateTime(end, in: zone), describe(milliseconds: duration))
        } else {
            finished = job.interrupted ? tr("interrupted before its end") : tr("still running")
        }
        let c = job.counters
        func n(_ value: Int) -> String { Format.integer(value) }
        return [
            tr("Job {0} · {1} · {2}", job.id, job.type.rawValue, job.caption) + (job.undoneBy.map { " · " + tr("undone by job {0}", $0) } ?? "")
                + " · " + DisplayText.sanitized(job.message),
            tr("started {0} · {1}", Format.dateTime(job.startedAt, in: zone), finished),
            tr("inserted {0} · modified {1} · deleted {2} · unchanged {3}", n(c.inserted), n(c.modified), n(c.deleted), n(c.unchanged)),
            tr("coupled {0} · uncoupled {1} · skipped {2} · failed {3}", n(c.coupled), n(c.uncoupled), n(c.skipped), n(c.failed)),
            tr("changed by someone else meanwhile {0}", n(c.changedElsewhere)),
        ]
    }

    /// "850 ms", "2.4 s" ("2,4 s" in Spanish), "3 min 12 s".
    static func describe(milliseconds: Int64) -> String {
        if milliseconds < 1_000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 {
            let seconds = String(format: "%.1f s", Double(milliseconds) / 1_000)
            return Language.current == .spanish ? seconds.replacingOccurrences(of: ".", with: ",") : seconds
        }
        let seconds = milliseconds / 1_000
        return "\(seconds / 60) min \(seconds % 60) s"
    }

    static func drawJobErrors(_ screen: JobErrorsState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        Renderer.drawTitle(tr("Job {0} errors", screen.jobID), state, &canvas)
        if let job = screen.job {
            canvas.draw(" " + job.caption + " · " + DisplayText.sanitized(job.message), row: 1, column: 0, width: size.width, style: .header)
        }
        canvas.draw(tr("   Time              Source → destination"), row: 2, column: 0, width: size.width, style: .header)
        let shown = JobScreenLayout.errorsShown(size)
        for (offset, error) in screen.errors.dropFirst(screen.scroll).prefix(shown).enumerated() {
            let row = 3 + offset * 2
            let style: StyleRole = screen.scroll + offset == screen.cursor ? .cursor : .normal
            canvas.draw("   \(Format.dateTime(error.at, in: state.timeZone))  \(error.sourceSide.displayName) \(error.source ?? "—")"
                        + " → \(error.sourceSide.other.displayName) \(error.destination ?? "—")",
                        row: row, column: 0, width: size.width, style: style)
            canvas.draw("     " + error.message, row: row + 1, column: 0, width: size.width, style: style == .cursor ? .cursor : .failed)
        }
        let below = screen.errors.count - screen.scroll - shown
        if below > 0 {
            canvas.draw("   " + tr("↓ and {0} more", Format.integer(below)), row: 3 + shown * 2, column: 0, width: size.width, style: .dim)
        }
        guard screen.errors.isEmpty else { return }
        // Skips are not errors (the job's result listed why); say so instead of suggesting nothing happened.
        let skipped = screen.job?.counters.skipped ?? 0
        canvas.draw("   " + tr("No record failed in this job.") + (skipped > 0
            ? " " + trn("{0} record was skipped: skips are not errors (the result said why; sync --preview shows it again).", "{0} records were skipped: skips are not errors (the result said why; sync --preview shows it again).", skipped)
            : ""), row: 3, column: 0, width: size.width, style: .dim)
    }
}
