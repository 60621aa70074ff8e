import Foundation
import TandemCore

/// The preview as lines: per record the fields old → new, or why it is skipped or fails; then how many
/// more records the counts cover.
enum PreviewLines {
    static func lines(_ preview: SyncPreview) -> [String] {
        let more = preview.hidden > 0
            ? [trn("… and {0} more record, counted above", "… and {0} more records, counted above", preview.hidden)] : []
        return preview.shown.flatMap { record -> [String] in
            let label = DisplayText.sanitized(record.label)
            switch record.action {
            case .write:
                // A write the update-conflict policy lets over a change the destination made since the
                // last sync says so on its line: that change is lost.
                let lost = Set(record.overwritten.map { "\($0.side.rawValue)/\($0.change.field)" })
                return ["\(label):"] + record.plannedChanges.map {
                    "  \($0.side.displayName) \(Captions.field($0.change.field, on: $0.side)): "
                        + "\(DisplayText.sanitized($0.change.oldValue)) → " + DisplayText.sanitized($0.change.newValue)
                        + (lost.contains("\($0.side.rawValue)/\($0.change.field)")
                            ? tr(" — overwrites a change made in the {0} since the last sync", $0.side.displayName) : "")
                }
            case .unchanged: return [tr("{0}: unchanged", label)]
            case .skip: return [tr("{0}: skipped — {1}", label, DisplayText.sanitized(record.reason ?? ""))]
            case .fail: return [tr("{0}: fails — {1}", label, DisplayText.sanitized(record.reason ?? ""))]
            case .restore, .removeCoupling: return ["\(label): \(DisplayText.sanitized(record.reason ?? ""))"]
            }
        } + more
    }

    /// "3 of 5 records will change (4 fields); 1 skipped.", then the failures and the overwrites.
    static func summary(_ preview: SyncPreview) -> String {
        let counts = preview.counts
        return trn("{1} of {0} record will change ({2}); {3} skipped.", "{1} of {0} records will change ({2}); {3} skipped.",
                   counts.records, Format.integer(counts.changing), trn("{0} field", "{0} fields", counts.fields),
                   Format.integer(counts.skipped))
            + (counts.failing > 0 ? " " + tr("{0} will fail.", Format.integer(counts.failing)) : "")
            + (counts.overwritten > 0 ? " " + trn("{0} field will overwrite a change made at the destination since the last sync.",
                                                  "{0} fields will overwrite a change made at the destination since the last sync.",
                                                  counts.overwritten) : "")
    }
}
