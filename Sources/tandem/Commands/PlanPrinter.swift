import TandemCore

/// The human form of a preview, printed a batch at a time as the engine plans: per record the fields
/// old → new, conflicts and skip reasons; then the counts. Column widths are those of the first batch.
struct PlanPrinter {
    private var table = StreamedTable([TextTable.Column(title: "Record"), TextTable.Column(title: "Action", maxWidth: 12),
                                       TextTable.Column(title: "Field", maxWidth: 24),
                                       TextTable.Column(title: "Old → new", maxWidth: 80)])

    mutating func print(_ plans: [RecordPlan]) {
        var rows: [[String]] = []
        for record in plans {
            let planned = SyncReport.planned(record)
            if planned.changes.isEmpty {
                rows.append([record.label, planned.action, "", planned.reason ?? ""])
            }
            let overwritten = Set((planned.overwrites ?? []).map { "\($0.side) \($0.field)" })
            for (index, change) in planned.changes.enumerated() {
                let overwrites = overwritten.contains("\(change.side) \(change.field)")
                rows.append([index == 0 ? record.label : "", index == 0 ? "write" : "",
                             "\(change.side.uppercased()) \(change.field)",
                             "\"\(change.old)\" → \"\(change.new)\""
                                 + (overwrites ? " (overwrites a change made in the \(change.side.uppercased()))" : "")])
            }
        }
        table.print(rows)
    }

    func finish(summary: String) {
        table.finish()
        Console.out(summary)
    }

    static func summary(_ mapping: String, _ counts: SyncPlan.Counts) -> String {
        "\(mapping) preview: \(counts.changing) record\(counts.changing == 1 ? "" : "s") would change "
            + "(\(counts.fields) field\(counts.fields == 1 ? "" : "s")), \(counts.unchanged) unchanged, \(counts.skipped) skipped, "
            + "\(counts.failing) would fail."
            + (counts.overwritten > 0
                ? " \(counts.overwritten) field\(counts.overwritten == 1 ? "" : "s") would overwrite a change made at the "
                    + "destination since the last sync."
                : "")
            + " Nothing was written."
    }
}
