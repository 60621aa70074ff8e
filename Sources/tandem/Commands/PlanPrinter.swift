import TandemCore

/// The human form of a preview, printed a batch at a time as the engine plans: per record the fields
/// old → new, conflicts and skip reasons; then the counts. Column widths are those of the first batch.
struct PlanPrinter {
    private var table = StreamedTable([TextTable.Column(title: tr("Record")), TextTable.Column(title: tr("Action"), maxWidth: 12),
                                       TextTable.Column(title: tr("Field"), maxWidth: 24),
                                       TextTable.Column(title: tr("Old → new"), maxWidth: 80)])

    mutating func print(_ plans: [RecordPlan]) {
        var rows: [[String]] = []
        for record in plans {
            let planned = SyncReport.planned(record)
            if planned.changes.isEmpty {
                rows.append([record.label, Self.words(planned.action), "", planned.reason ?? ""])
            }
            let overwritten = Set((planned.overwrites ?? []).map { "\($0.side) \($0.field)" })
            for (index, change) in planned.changes.enumerated() {
                let overwrites = overwritten.contains("\(change.side) \(change.field)")
                let side = change.side.uppercased()
                rows.append([index == 0 ? record.label : "", index == 0 ? Self.words("write") : "",
                             "\(side) \(change.side == Side.erp.rawValue ? Captions.field(change.field, on: .erp) : change.field)",
                             "\"\(change.old)\" → \"\(change.new)\""
                                 + (overwrites ? tr(" (overwrites a change made in the {0})", side) : "")])
            }
        }
        table.print(rows)
    }

    func finish(summary: String) {
        table.finish()
        Console.out(summary)
    }

    /// A plan's action as the text table shows it: "write" / "escribir" (JSON keeps the raw value).
    static func words(_ action: String) -> String {
        switch action {
        case "write": tr("write")
        case "unchanged": tr("unchanged")
        case "skip": tr("skip")
        case "fail": tr("fail")
        case "restore": tr("restore")
        case "remove-coupling": tr("remove-coupling")
        case "create": tr("create")
        default: action
        }
    }

    /// "CUSTOMER preview: 3 records would change (5 fields), 2 unchanged, 0 skipped, 0 would fail. Nothing was written."
    static func summary(_ mapping: String, _ counts: SyncPlan.Counts) -> String {
        tr("{0} preview:", mapping) + " "
            + trn("{0} record would change", "{0} records would change", counts.changing) + " "
            + trn("({0} field)", "({0} fields)", counts.fields) + ", "
            + tr("{0} unchanged, {1} skipped, {2} would fail.", Format.integer(counts.unchanged), Format.integer(counts.skipped),
                 Format.integer(counts.failing))
            + (counts.overwritten > 0
                ? " " + trn("{0} field would overwrite a change made at the destination since the last sync.",
                            "{0} fields would overwrite a change made at the destination since the last sync.", counts.overwritten)
                : "")
            + " " + tr("Nothing was written.")
    }
}
