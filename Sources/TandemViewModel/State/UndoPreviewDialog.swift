import TandemCore

/// The job log's undo, before anything is written: what would go back and what would be refused,
/// scrolled; Enter undoes, Esc leaves the job as it is.
public struct UndoPreviewDialog: Equatable, Sendable {
    public var jobID: JobID
    public var summary: String
    public var lines: [String]
    public var scroll = 0

    public init(jobID: JobID, summary: String, lines: [String]) {
        self.jobID = jobID
        self.summary = summary
        self.lines = lines
    }

    /// The dialog for an undo preview from the core, its record text made safe to draw.
    public init(_ preview: UndoPreview) {
        let id = preview.job.id
        var lines = preview.restores.map { "  " + DisplayText.sanitized(UndoStepText.line($0)) }
        if preview.restorableCount > preview.restores.count {
            lines.append("  … and \(preview.restorableCount - preview.restores.count) more")
        }
        if !preview.refusals.isEmpty { lines.append("Refused (changed or deleted since the job):") }
        lines += preview.refusals.map { "  " + DisplayText.sanitized(UndoStepText.line($0)) }
        if preview.refusedCount > preview.refusals.count {
            lines.append("  … and \(preview.refusedCount - preview.refusals.count) more refused")
        }
        let restorable = preview.restorableCount
        self.init(jobID: id, summary: "Undo job \(id): \(restorable) record\(restorable == 1 ? "" : "s") go back, "
                  + "\(preview.refusedCount) refused.", lines: lines)
    }
}
