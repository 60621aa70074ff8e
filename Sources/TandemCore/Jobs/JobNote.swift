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
    /// The job's result in words, in the current language, made from its type, counters and note.
    public var message: String {
        let c = counters
        var text: String
        switch (type, note) {
        case (_, .legacy(let words)): return words
        case (_, .refused(let reason)): text = reason.message
        case (_, .coupled(let erp, let crm)): text = tr("Coupled {0} to {1}.", erp, crm)
        case (_, .restored(let side)): text = tr("Restored the {0} record.", side.displayName)
        case (_, .restoreFailed(let reason)): text = tr("Restore failed: {0}", reason.message)
        case (_, .deleted(let record)): text = tr("Deleted {0} and its coupling.", record)
        case (.undo, .undid(let original)):
            text = trn("Undid job {1}: {0} record restored, {2} refused.", "Undid job {1}: {0} records restored, {2} refused.",
                       c.modified + c.deleted, original, Format.integer(c.skipped + c.failed))
        case (.synchronization, _):
            let done = c.modified + c.unchanged + c.inserted + c.uncoupled
            text = Self.synchronizedSentences(done, of: done + c.failed + c.skipped + c.changedElsewhere, c, direction)
        case (.matchCoupling, _):
            text = tr("Coupled {0} records by matching, created {1}; {2} unmatched.",
                      Format.integer(c.coupled - c.inserted), Format.integer(c.inserted), Format.integer(c.skipped))
            if c.changedElsewhere > 0 { text += " " + tr("{0} taken first by another job.", Format.integer(c.changedElsewhere)) }
        case (.coupling, _):
            text = trn("Created and coupled {1} of {0} record.", "Created and coupled {1} of {0} records.",
                       c.inserted + c.failed + c.changedElsewhere, Format.integer(c.inserted))
        case (.uncoupling, _):
            text = tr("Removed {0} of {1} couplings.", Format.integer(c.uncoupled), Format.integer(c.uncoupled + c.failed + c.changedElsewhere))
        case (.undo, _):
            text = trn("Undid {0} record.", "Undid {0} records.", c.modified + c.deleted)
        }
        if note == .cancelled { text += " " + Self.cancelledSentence }
        if interrupted { text += " " + tr("Interrupted: its process ended before the job did.") }
        return text
    }

    /// "Cancelled before the end.", which a cancelled synchronization's job and result both end with.
    static var cancelledSentence: String { tr("Cancelled before the end.") }

    /// "Synchronized 41 of 50 records. 2 failed. 7 were skipped." — a synchronization's job message and
    /// its result's summary alike, from its counters.
    static func synchronizedSentences(_ done: Int, of selected: Int, _ c: JobCounters, _ direction: SyncDirection?) -> String {
        var sentences = [trn("Synchronized {1} of {0} record.", "Synchronized {1} of {0} records.", selected, Format.integer(done))]
        if c.failed > 0 { sentences.append(trn("{0} failed.", "{0} failed.", c.failed)) }
        if c.changedElsewhere > 0 {
            sentences.append(trn("{0} was changed by someone else meanwhile and left as they are.",
                                 "{0} were changed by someone else meanwhile and left as they are.", c.changedElsewhere))
        }
        if c.skipped > 0 { sentences.append(trn("{0} was skipped.", "{0} were skipped.", c.skipped)) }
        if c.overwritten > 0 { sentences.append(overwroteSentence(c.overwritten, direction)) }
        return sentences.joined(separator: " ")
    }

    /// "Overwrote 2 changes made in the CRM since the last sync." for a pass in `direction`.
    static func overwroteSentence(_ count: Int, _ direction: SyncDirection?) -> String {
        guard let direction else {
            return trn("Overwrote {0} change made since the last sync.", "Overwrote {0} changes made since the last sync.", count)
        }
        return trn("Overwrote {0} change made in the {1} since the last sync.", "Overwrote {0} changes made in the {1} since the last sync.",
                   count, direction.destination.displayName)
    }
}
