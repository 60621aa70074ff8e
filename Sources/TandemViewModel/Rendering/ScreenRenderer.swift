import Foundation
import TandemCore

/// The screens above the list pages: a record's card, the job log, one job's errors.
enum ScreenRenderer {
    static func status(_ state: AppState) -> String {
        switch state.screens.last {
        case .card(let card)?:
            guard card.loaded else { return "loading…" }
            guard card.record != nil else { return "This record no longer exists." }
            guard let coupling = card.coupling else { return "not coupled" }
            switch coupling.status {
            case .coupled: return "coupled · in step as far as this side knows"
            case .changed: return "coupled · changed here since the last sync"
            case .skipped: return "coupled · skipped until retried"
            case .failed: return "coupled · the last sync failed"
            case .notCoupled: return "not coupled"
            }
        case .jobs(let jobs)?: return jobs.loaded ? "\(jobs.jobs.count) job\(jobs.jobs.count == 1 ? "" : "s")" : "loading…"
        case .jobErrors(let screen)?: return "\(screen.errors.count) error\(screen.errors.count == 1 ? "" : "s")"
        case .errors(let screen)?:
            return screen.loaded ? "\(screen.rows.count) coupling\(screen.rows.count == 1 ? "" : "s") with errors" : "loading…"
        case .mappings(let view)?: return view.mappings[safe: view.selected].map { "mapping \($0.name)" } ?? "loading…"
        case nil: return ""
        }
    }

    static func drawCard(_ card: CardState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        let schema = state.schema(PaneID(card.page, card.side))
        let label = card.record.map { DisplayText.sanitized(schema.label(of: $0)) } ?? ""
        Renderer.drawTitle("\(card.side.displayName) \(schema.displayName.replacingOccurrences(of: "CRM ", with: "")) \(label)",
                           state, &canvas)
        guard let record = card.record else { return }
        // Fields on the left, grouped; the coupling box on the right when there is room.
        let boxWidth = size.width >= 100 ? 44 : size.width >= 76 ? 36 : 0
        let fieldWidth = size.width - boxWidth - (boxWidth > 0 ? 1 : 0)
        let nameWidth = min(22, schema.fields.map { DisplayWidth.of($0.name) }.max() ?? 10)
        var lines: [(text: String, value: String?, index: Int?)] = []
        for group in CardLayout.groups(schema) {
            lines.append((group, nil, nil))
            for index in schema.fields.indices where schema.fields[index].group == group {
                let value = index == card.cursor && card.editing != nil ? DisplayText.sanitized(card.editing ?? "") + "▏"
                    : DisplayText.sanitized(record[schema.fields[index].name])
                lines.append((schema.fields[index].name, value, index))
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
            lines.append(("Coupled to", .header))
            lines.append(("  " + (coupling.counterpartLabel ?? "(deleted) \(coupling.counterpartID)"),
                          coupling.counterpartLabel == nil ? .failed : .normal))
            let (mark, style) = Renderer.mark(coupling.status)
            lines.append(("  \(mark) \(coupling.status.rawValue)\(coupling.skipped ? " · skipped" : "")", style))
            lines.append(("To CRM   " + describe(coupling.toCRM, in: state.timeZone), coupling.toCRM?.succeeded == false ? .failed : .normal))
            lines.append(("From CRM " + describe(coupling.fromCRM, in: state.timeZone), coupling.fromCRM?.succeeded == false ? .failed : .normal))
            lines.append(("ERP synced " + (coupling.erpSyncedAt.map { short($0, in: state.timeZone) } ?? "never"), .dim))
            lines.append(("CRM synced " + (coupling.crmSyncedAt.map { short($0, in: state.timeZone) } ?? "never"), .dim))
            if !coupling.changedOnERP.isEmpty { lines.append(("Changed in ERP: " + coupling.changedOnERP.joined(separator: ", "), .changed)) }
            if !coupling.changedOnCRM.isEmpty { lines.append(("Changed in CRM: " + coupling.changedOnCRM.joined(separator: ", "), .changed)) }
            for conflict in coupling.conflicts { lines.append(("Conflict: " + conflict.summary, .conflict)) }
            if let error = coupling.lastError { lines.append(("Last error: " + error, .failed)) }
        } else {
            lines.append(("Not coupled", .dim))
            lines.append(("c sets up a coupling", .dim))
        }
        let height = min(state.size.height - 4, lines.count + 2)
        canvas.box(top: 2, left: column, width: width, height: height, title: "Coupling", style: .normal)
        for (index, line) in lines.prefix(height - 2).enumerated() {
            canvas.draw(line.0, row: 3 + index, column: column + 2, width: width - 4, style: line.1)
        }
    }

    private static func describe(_ result: PassResult?, in zone: TimeZone) -> String {
        guard let result else { return "never" }
        return "\(result.succeeded ? "ok" : "failed") \(short(result.at, in: zone)) (job \(result.jobID))"
    }

    /// "2026-11-20 10:15": the time in `zone` (the person's own; the command line's JSON keeps UTC).
    static func short(_ stamp: Timestamp, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute],
                                            from: Date(timeIntervalSince1970: Double(stamp.milliseconds) / 1000))
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }

    static func drawJobs(_ screen: JobsState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        Renderer.drawTitle("Synchronization jobs", state, &canvas)
        canvas.draw("   Job  Started           Type             Mapping              Result", row: 1, column: 0,
                    width: size.width, style: .header)
        let visible = JobScreenLayout.jobsShown(size)
        let first = max(0, min(screen.cursor - visible / 2, screen.jobs.count - visible))
        for (offset, job) in screen.jobs.dropFirst(first).prefix(visible).enumerated() {
            let index = first + offset
            let style: StyleRole = index == screen.cursor ? .cursor : job.counters.failed > 0 || job.interrupted ? .failed : .normal
            let text = String(format: "%6lld  ", job.id) + short(job.startedAt, in: state.timeZone) + "  "
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
            finished = "finished \(short(end, in: zone)), took \(describe(milliseconds: duration))"
        } else {
            finished = job.interrupted ? "interrupted before its end" : "still running"
        }
        let c = job.counters
        return [
            "Job \(job.id) · \(job.type.rawValue) · \(job.caption)" + (job.undoneBy.map { " · undone by job \($0)" } ?? "")
                + " · " + DisplayText.sanitized(job.message),
            "started \(short(job.startedAt, in: zone)) · \(finished)",
            "inserted \(c.inserted) · modified \(c.modified) · deleted \(c.deleted) · unchanged \(c.unchanged)",
            "coupled \(c.coupled) · uncoupled \(c.uncoupled) · skipped \(c.skipped) · failed \(c.failed)",
            "changed by someone else meanwhile \(c.changedElsewhere)",
        ]
    }

    /// "850 ms", "2.4 s", "3 min 12 s".
    static func describe(milliseconds: Int64) -> String {
        if milliseconds < 1_000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 { return String(format: "%.1f s", Double(milliseconds) / 1_000) }
        let seconds = milliseconds / 1_000
        return "\(seconds / 60) min \(seconds % 60) s"
    }

    static func drawJobErrors(_ screen: JobErrorsState, _ state: AppState, _ canvas: inout Canvas) {
        let size = state.size
        Renderer.drawTitle("Job \(screen.jobID) errors", state, &canvas)
        if let job = screen.job {
            canvas.draw(" " + job.caption + " · " + DisplayText.sanitized(job.message), row: 1, column: 0, width: size.width, style: .header)
        }
        canvas.draw("   Time              Source → destination", row: 2, column: 0, width: size.width, style: .header)
        let shown = JobScreenLayout.errorsShown(size)
        for (offset, error) in screen.errors.dropFirst(screen.scroll).prefix(shown).enumerated() {
            let row = 3 + offset * 2
            let style: StyleRole = screen.scroll + offset == screen.cursor ? .cursor : .normal
            canvas.draw("   \(short(error.at, in: state.timeZone))  \(error.sourceSide.displayName) \(error.source ?? "—")"
                        + " → \(error.sourceSide.other.displayName) \(error.destination ?? "—")",
                        row: row, column: 0, width: size.width, style: style)
            canvas.draw("     " + error.message, row: row + 1, column: 0, width: size.width, style: style == .cursor ? .cursor : .failed)
        }
        let below = screen.errors.count - screen.scroll - shown
        if below > 0 {
            canvas.draw("   ↓ and \(below) more", row: 3 + shown * 2, column: 0, width: size.width, style: .dim)
        }
        guard screen.errors.isEmpty else { return }
        // Skips are not errors (the job's result listed why); say so instead of suggesting nothing happened.
        let skipped = screen.job?.counters.skipped ?? 0
        canvas.draw("   No record failed in this job." + (skipped > 0
            ? " \(skipped) record\(skipped == 1 ? " was" : "s were") skipped: skips are not errors (the result said why; sync --preview shows it again)."
            : ""), row: 3, column: 0, width: size.width, style: .dim)
    }
}
