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
            lines.append("  " + tr("… and {0} more", Format.integer(preview.restorableCount - preview.restores.count)))
        }
        if !preview.refusals.isEmpty { lines.append(tr("Refused (changed or deleted since the job):")) }
        lines += preview.refusals.map { "  " + DisplayText.sanitized(UndoStepText.line($0)) }
        if preview.refusedCount > preview.refusals.count {
            lines.append("  " + tr("… and {0} more refused", Format.integer(preview.refusedCount - preview.refusals.count)))
        }
        self.init(jobID: id, summary: tr("Undo job {0}: {1}, {2}.", id,
                                         trn("{0} record go back", "{0} records go back", preview.restorableCount),
                                         trn("{0} refused", "{0} refused", preview.refusedCount)), lines: lines)
    }
}
