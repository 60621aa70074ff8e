import Foundation
import TandemCore

/// The preview as lines: per record the fields old → new, or why it is skipped or fails.
enum PreviewLines {
    static func lines(_ plan: SyncPlan) -> [String] {
        plan.records.flatMap { record -> [String] in
            let label = DisplayText.sanitized(record.label)
            switch record.action {
            case .write:
                return ["\(label):"] + record.plannedChanges.map {
                    "  \($0.side.displayName) \($0.change.field): \(DisplayText.sanitized($0.change.oldValue)) → "
                        + DisplayText.sanitized($0.change.newValue)
                }
            case .unchanged: return ["\(label): unchanged"]
            case .skip: return ["\(label): skipped — \(DisplayText.sanitized(record.reason ?? ""))"]
            case .fail: return ["\(label): fails — \(DisplayText.sanitized(record.reason ?? ""))"]
            case .restore, .removeCoupling: return ["\(label): \(DisplayText.sanitized(record.reason ?? ""))"]
            }
        }
    }

    static func summary(_ plan: SyncPlan) -> String {
        let counts = plan.counts, total = plan.records.count
        return "\(counts.changing) of \(total) record\(total == 1 ? "" : "s") will change "
            + "(\(counts.fields) field\(counts.fields == 1 ? "" : "s")); \(counts.skipped) skipped."
            + (counts.failing > 0 ? " \(counts.failing) will fail." : "")
    }
}
