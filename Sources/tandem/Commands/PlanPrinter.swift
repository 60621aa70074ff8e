import ArgumentParser
import TandemCore
import TandemSQLite

/// The human form of a plan: per record the fields old → new, conflicts and skip reasons.
enum PlanPrinter {
    static func print(_ plan: SyncPlan) {
        var table = TextTable([TextTable.Column(title: "Record"), TextTable.Column(title: "Action", maxWidth: 12),
                               TextTable.Column(title: "Field", maxWidth: 24), TextTable.Column(title: "Old → new", maxWidth: 80)])
        for record in plan.records {
            let planned = SyncReport.planned(record)
            if planned.changes.isEmpty {
                table.add([record.label, planned.action, "", planned.reason ?? ""])
            }
            for (index, change) in planned.changes.enumerated() {
                table.add([index == 0 ? record.label : "", index == 0 ? "write" : "",
                           "\(change.side.uppercased()) \(change.field)", "\"\(change.old)\" → \"\(change.new)\""])
            }
        }
        Console.out(table.render())
        Console.out(summary(plan))
    }

    static func summary(_ plan: SyncPlan) -> String {
        let counts = plan.counts
        return "\(plan.request.mapping) preview: \(counts.changing) record\(counts.changing == 1 ? "" : "s") would change "
            + "(\(counts.fields) field\(counts.fields == 1 ? "" : "s")), \(counts.unchanged) unchanged, \(counts.skipped) skipped, "
            + "\(counts.failing) would fail. Nothing was written."
    }
}
