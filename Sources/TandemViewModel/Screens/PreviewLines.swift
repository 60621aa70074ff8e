import Foundation
import TandemCore

/// The preview as lines: per record the fields old → new, or why it is skipped or fails; then how many
/// more records the counts cover.
enum PreviewLines {
    static func lines(_ preview: SyncPreview) -> [String] {
        let more = preview.hidden > 0 ? ["… and \(preview.hidden) more record\(preview.hidden == 1 ? "" : "s"), counted above"] : []
        return preview.shown.flatMap { record -> [String] in
            let label = DisplayText.sanitized(record.label)
            switch record.action {
            case .write:
                // A write the update-conflict policy lets over a change the destination made since the
                // last sync says so on its line: that change is lost.
                let lost = Set(record.overwritten.map { "\($0.side.rawValue)/\($0.change.field)" })
                return ["\(label):"] + record.plannedChanges.map {
                    "  \($0.side.displayName) \($0.change.field): \(DisplayText.sanitized($0.change.oldValue)) → "
                        + DisplayText.sanitized($0.change.newValue)
                        + (lost.contains("\($0.side.rawValue)/\($0.change.field)")
                            ? " — overwrites a change made in the \($0.side.displayName) since the last sync" : "")
                }
            case .unchanged: return ["\(label): unchanged"]
            case .skip: return ["\(label): skipped — \(DisplayText.sanitized(record.reason ?? ""))"]
            case .fail: return ["\(label): fails — \(DisplayText.sanitized(record.reason ?? ""))"]
            case .restore, .removeCoupling: return ["\(label): \(DisplayText.sanitized(record.reason ?? ""))"]
            }
        } + more
    }

    static func summary(_ preview: SyncPreview) -> String {
        let counts = preview.counts, total = counts.records
        return "\(counts.changing) of \(total) record\(total == 1 ? "" : "s") will change "
            + "(\(counts.fields) field\(counts.fields == 1 ? "" : "s")); \(counts.skipped) skipped."
            + (counts.failing > 0 ? " \(counts.failing) will fail." : "")
            + (counts.overwritten > 0 ? " \(counts.overwritten) field\(counts.overwritten == 1 ? "" : "s") will overwrite a change"
                + " made at the destination since the last sync." : "")
    }
}
