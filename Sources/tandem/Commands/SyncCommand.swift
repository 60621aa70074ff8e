import ArgumentParser
import TandemCore
import TandemSQLite

extension Side: ExpressibleByArgument {}

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Synchronize now: ERP records by No., every coupled record, or the modified ones.",
        discussion: """
            A record whose destination changed since the last sync is refused with the fields that would be \
            overwritten, unless --force. Merge takes each field from the side that changed it and refuses \
            true conflicts unless --prefer says which side wins them.
            """)

    enum Direction: String, ExpressibleByArgument, CaseIterable {
        case toCRM = "to-crm", fromCRM = "from-crm", merge

        var choice: SyncChoice {
            switch self {
            case .toCRM: .toCRM
            case .fromCRM: .fromCRM
            case .merge: .merge
            }
        }
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "ERP No. of each record.")
    var numbers: [String] = []
    @Flag(help: "Every coupled record (of --mapping, else of every mapping).")
    var all = false
    @Flag(help: """
        The coupled records changed on either side since their last sync, never synchronized, or whose last \
        sync failed (of --mapping, else of every mapping): found by index, so it costs what the changes cost.
        """)
    var modified = false
    @Option(help: "CUSTOMER or CONTACT, with --all or --modified.")
    var mapping: String?
    @Option(help: "to-crm, from-crm or merge.")
    var direction: Direction
    @Flag(help: "Write nothing; print what would change, field by field.")
    var preview = false
    @Flag(help: "Overwrite destinations that changed since the last sync.")
    var force = false
    @Option(help: "With merge: the side that wins fields changed on both sides (erp or crm).")
    var prefer: Side?

    func validate() throws {
        guard !(all && modified) else { throw ValidationError("Give --all or --modified, not both.") }
        guard numbers.isEmpty == (all || modified) else { throw ValidationError("Give ERP numbers, --all or --modified.") }
        if mapping != nil && !(all || modified) { throw ValidationError("--mapping goes with --all or --modified.") }
        if direction == .merge && (all || modified || numbers.count > 1) {
            throw ValidationError("Merge is for one record at a time; several records take to-crm or from-crm.")
        }
        if prefer != nil && direction != .merge { throw ValidationError("--prefer goes with --direction merge.") }
    }

    func run() throws {
        let opened = try global.open(for: preview ? .reading : .writing)
        let store = opened.workspace.store
        var requests: [SyncRequest] = []
        if all || modified {
            let mappings = try mapping.map { [try store.mapping(named: $0)] } ?? MappingOrder.dependenciesFirst(try store.mappings())
            requests = mappings.map {
                SyncRequest(mapping: $0.name, selection: all ? .allCoupled : .modified, choice: direction.choice)
            }
        } else {
            let found = try RecordReferences(opened: opened).resolveERPNumbers(numbers)
            for (name, records) in Dictionary(grouping: found, by: \.mapping.name) {
                requests.append(SyncRequest(mapping: name, selection: .records(.erp, records.map(\.record.id)), choice: direction.choice))
            }
            requests.sort { lhs, rhs in lhs.mapping == DefaultMappings.customerName && rhs.mapping != DefaultMappings.customerName }
        }
        let engine = SyncEngine(workspace: opened.workspace)
        var refused = false
        var documents: [SyncReport] = []
        for var request in requests {
            request.overwriteChangedDestination = force
            if let prefer {
                let mapping = try store.mapping(named: request.mapping)
                request.resolutions = Dictionary(uniqueKeysWithValues: mapping.bidirectionalFields.map { ($0.erpField, prefer) })
            }
            if preview {
                let plan = try engine.preview(request)
                let report = SyncReport(preview: plan)
                refused = refused || report.hasProblems
                if output.json { documents.append(report) } else { PlanPrinter.print(plan) }
            } else {
                let result = try engine.synchronize(request)
                let report = SyncReport(result: result, mapping: request.mapping)
                refused = refused || report.hasProblems
                if output.json { documents.append(report) } else {
                    Console.out("\(request.mapping): \(Console.safe(result.summary)) (job \(result.job.id))")
                    for problem in result.problems {
                        Console.error("\(Console.safe(problem.label)): \(problem.status == .failed ? "failed" : "refused"): "
                                      + Console.safe(problem.message) + hint(for: problem))
                    }
                }
            }
        }
        if output.json { try Console.printJSON(documents) }
        if refused { throw ExitCode(1) }
    }

    private func hint(for problem: RecordOutcome) -> String {
        switch problem.skipReason {
        case .destinationChanged?, .neverSynchronized?: "; use --force to overwrite it"
        case .conflicts?: "; use --prefer erp or --prefer crm"
        default: ""
        }
    }
}

/// Mappings in the order their dependencies require (CUSTOMER before CONTACT).
enum MappingOrder {
    static func dependenciesFirst(_ mappings: [TableMapping]) -> [TableMapping] {
        var ordered: [TableMapping] = []
        var remaining = mappings
        while !remaining.isEmpty {
            let ready = remaining.filter { mapping in
                mapping.dependsOn.allSatisfy { dependency in
                    ordered.contains { $0.name == dependency } || !remaining.contains { $0.name == dependency }
                }
            }
            let next = ready.isEmpty ? remaining : ready
            ordered += next
            remaining.removeAll { candidate in next.contains { $0.name == candidate.name } }
        }
        return ordered
    }
}

/// What `sync --json` prints per mapping: the plan (preview) or the job and its problems.
struct SyncReport: Encodable {
    struct PlannedRecord: Encodable {
        var record: String
        var erpId: String?
        var crmId: String?
        var action: String
        var reason: String?
        var changes: [PlannedChange]
    }

    struct PlannedChange: Encodable {
        var side: String
        var recordId: String
        var field: String
        var old: String
        var new: String
    }

    var mapping: String
    var preview: Bool
    var records: [PlannedRecord]?
    var job: JobJSON?
    var summary: String
    var problems: [OutcomeJSON]?

    var hasProblems: Bool {
        if let job { return job.counters.failed + job.counters.skipped + job.counters.changedElsewhere > 0 }
        return records?.contains { $0.action == "skip" || $0.action == "fail" } ?? false
    }

    init(preview plan: SyncPlan) {
        mapping = plan.request.mapping
        preview = true
        records = plan.records.map(Self.planned)
        summary = PlanPrinter.summary(plan)
    }

    init(result: SyncResult, mapping: String) {
        self.mapping = mapping
        preview = false
        job = JobJSON(result.job)
        summary = result.summary
        problems = result.problems.map(OutcomeJSON.init)
    }

    static func planned(_ plan: RecordPlan) -> PlannedRecord {
        PlannedRecord(record: plan.label, erpId: plan.erpID?.rawValue, crmId: plan.crmID?.rawValue,
                      action: plan.action.rawValue, reason: plan.reason,
                      changes: plan.plannedChanges.map {
                          PlannedChange(side: $0.side.rawValue, recordId: $0.recordID.rawValue, field: $0.change.field,
                                        old: $0.change.oldValue, new: $0.change.newValue)
                      })
    }
}

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
