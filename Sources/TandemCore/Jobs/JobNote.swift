import Foundation

/// What a job says beyond its counters, as data: the words (`SyncJob.message`) are made from it, the
/// job's type and its counters where they are shown, so a job logged in one language reads right in
/// another. Stored as JSON; a sentence from an older Tandem reads back as `.legacy`.
public enum JobNote: Sendable, Equatable, Codable {
    /// Nothing beyond the counters.
    case none
    /// A coupling set up by hand, between these two records (their labels).
    case coupled(erp: String, crm: String)
    /// The whole job was refused for this reason (set up coupling lost its claim).
    case refused(RecordFailure)
    case restored(side: Side)
    case restoreFailed(RecordFailure)
    /// Delete record: this record and its coupling went.
    case deleted(record: String)
    /// An undo of that job.
    case undid(JobID)
    /// A synchronization cancelled before its end.
    case cancelled
    case legacy(String)

    /// The stored form: JSON.
    public var encoded: String {
        if case .legacy(let text) = self { return text }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// A stored note back; other text (an older Tandem's sentence) reads as `.legacy`, empty as `.none`.
    public static func decode(_ stored: String) -> JobNote {
        if stored.isEmpty { return .none }
        guard stored.hasPrefix("{"), let note = try? JSONDecoder().decode(JobNote.self, from: Data(stored.utf8))
        else { return .legacy(stored) }
        return note
    }
}

extension SyncJob {
    /// The job's result in words (English), made from its type, counters and note.
    public var message: String {
        let c = counters
        func records(_ count: Int) -> String { "\(count) record\(count == 1 ? "" : "s")" }
        var text: String
        switch (type, note) {
        case (_, .legacy(let words)): return words
        case (_, .refused(let reason)): text = reason.message
        case (_, .coupled(let erp, let crm)): text = "Coupled \(erp) to \(crm)."
        case (_, .restored(let side)): text = "Restored the \(side.displayName) record."
        case (_, .restoreFailed(let reason)): text = "Restore failed: \(reason.message)"
        case (_, .deleted(let record)): text = "Deleted \(record) and its coupling."
        case (.undo, .undid(let original)):
            text = "Undid job \(original): \(records(c.modified + c.deleted)) restored, \(c.skipped + c.failed) refused."
        case (.synchronization, _):
            let done = c.modified + c.unchanged + c.inserted + c.uncoupled
            let selected = done + c.failed + c.skipped + c.changedElsewhere
            text = "Synchronized \(done) of \(records(selected))."
            if c.failed > 0 { text += " \(c.failed) failed." }
            if c.changedElsewhere > 0 {
                text += " \(c.changedElsewhere) \(c.changedElsewhere == 1 ? "was" : "were") changed by someone else meanwhile and left as they are."
            }
            if c.skipped > 0 { text += " \(c.skipped) \(c.skipped == 1 ? "was" : "were") skipped." }
            if c.overwritten > 0 { text += " " + Self.overwroteSentence(c.overwritten, direction) }
        case (.matchCoupling, _):
            text = "Coupled \(c.coupled - c.inserted) records by matching, created \(c.inserted); \(c.skipped) unmatched."
            if c.changedElsewhere > 0 { text += " \(c.changedElsewhere) taken first by another job." }
        case (.coupling, _):
            text = "Created and coupled \(c.inserted) of \(records(c.inserted + c.failed + c.changedElsewhere))."
        case (.uncoupling, _):
            text = "Removed \(c.uncoupled) of \(c.uncoupled + c.failed + c.changedElsewhere) couplings."
        case (.undo, _):
            text = "Undid \(records(c.modified + c.deleted))."
        }
        if note == .cancelled { text += " Cancelled before the end." }
        if interrupted { text += " Interrupted: its process ended before the job did." }
        return text
    }

    /// "Overwrote 2 changes made in the CRM since the last sync." for a pass in `direction`.
    static func overwroteSentence(_ count: Int, _ direction: SyncDirection?) -> String {
        let side = direction.map { " in the \($0.destination.displayName)" } ?? ""
        return "Overwrote \(count) change\(count == 1 ? "" : "s") made\(side) since the last sync."
    }
}
