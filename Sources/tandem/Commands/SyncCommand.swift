import ArgumentParser
import TandemConnectors
import TandemCore
import TandemSQLite

extension Side: ExpressibleByArgument {}

struct SyncCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: tr("Synchronize now: ERP records by No., every coupled record, or the modified ones."),
        discussion: tr("A record whose destination changed since the last sync is refused with the fields that would be overwritten, unless --force. Merge takes each field from the side that changed it and refuses true conflicts unless --prefer says which side wins them."))

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
    @Argument(help: ArgumentHelp(tr("ERP No. of each record.")))
    var numbers: [String] = []
    @Flag(help: ArgumentHelp(tr("Every coupled record (of --mapping, else of every mapping).")))
    var all = false
    @Flag(help: ArgumentHelp(tr("The coupled records changed on either side since their last sync, never synchronized, or whose last sync failed (of --mapping, else of every mapping): found by index, so it costs what the changes cost.")))
    var modified = false
    @Option(help: ArgumentHelp(tr("SALESPEOPLE, CUSTOMER or CONTACT, with --all or --modified.")))
    var mapping: String?
    @Option(help: ArgumentHelp(tr("to-crm, from-crm or merge.")))
    var direction: Direction
    @Flag(help: ArgumentHelp(tr("Write nothing; print what would change, field by field.")))
    var preview = false
    @Flag(help: ArgumentHelp(tr("Overwrite destinations that changed since the last sync.")))
    var force = false
    @Option(help: ArgumentHelp(tr("With merge: the side that wins fields changed on both sides (erp or crm).")))
    var prefer: Side?
    @Flag(name: .customLong("no-pull"), help: ArgumentHelp(tr("Plan from the replicas as they are; do not pull connected sides first.")))
    var noPull = false
    @Flag(help: ArgumentHelp(tr("When a record's company (or another record it refers to) is not coupled, couple that one by match and synchronize again.")))
    var coupleDependencies = false

    func validate() throws {
        guard !(all && modified) else { throw ValidationError(tr("Give --all or --modified, not both.")) }
        guard numbers.isEmpty == (all || modified) else { throw ValidationError(tr("Give ERP numbers, --all or --modified.")) }
        if mapping != nil && !(all || modified) { throw ValidationError(tr("--mapping goes with --all or --modified.")) }
        if direction == .merge && (all || modified || numbers.count > 1) {
            throw ValidationError(tr("Merge is for one record at a time; several records take to-crm or from-crm."))
        }
        if prefer != nil && direction != .merge { throw ValidationError(tr("--prefer goes with --direction merge.")) }
    }

    func run() throws {
        let opened = try global.open(for: preview ? .reading : .writing)
        // A connected side's replica is brought up to date first, so the plan starts from what the
        // service holds now; a preview reads the replica as it is and never writes.
        if !preview && !noPull { try global.pullConnectedSides(of: opened, quietly: output.json) }
        let store = opened.workspace.store
        var requests: [SyncRequest] = []
        if all || modified {
            // Every mapping means every mapping that synchronizes this way: SALESPEOPLE only reads the
            // CRM's users, so a send to the CRM passes it by. One mapping named is held to the direction.
            // A mapping whose destination a connected service does not carry (Business Central's
            // contacts) cannot be written: it is passed by, and the line says why.
            let sides = opened.connected.connectedServices
            let mappings = try mapping.map { [try store.mapping(named: $0)] }
                ?? MappingOrder.dependenciesFirst(try store.mappings()).filter { mapping in
                    guard let pass = direction.choice.direction, mapping.direction.allows(pass) else { return false }
                    guard let note = ConnectionNote.writeBlocked(for: mapping, writing: pass, sides: sides) else { return true }
                    if !output.json { Console.out("\(mapping.name): " + tr("passed by.") + " " + note.text) }
                    return false
                }
            requests = mappings.map {
                SyncRequest(mapping: $0.name, selection: all ? .allCoupled : .modified, choice: direction.choice)
            }
        } else {
            let found = try RecordReferences(opened: opened).resolveERPNumbers(numbers)
            for (name, records) in Dictionary(grouping: found, by: \.mapping.name) {
                requests.append(SyncRequest(mapping: name, selection: .records(.erp, records.map(\.record.id)), choice: direction.choice))
            }
            // A mapping's lookups point into the mappings it depends on: those go first.
            let order = MappingOrder.dependenciesFirst(try store.mappings()).map(\.name)
            requests.sort { (order.firstIndex(of: $0.mapping) ?? order.count) < (order.firstIndex(of: $1.mapping) ?? order.count) }
        }
        let engine = SyncEngine(workspace: opened.workspace)
        var refused = false
        var documents: [SyncReport] = []
        // A preview is printed as it is planned, keeping only counts; --json streams the same document.
        var previews = output.json && preview ? JSONArrayStream() : nil
        for var request in requests {
            request.overwriteChangedDestination = force
            if let prefer {
                let mapping = try store.mapping(named: request.mapping)
                request.resolutions = Dictionary(uniqueKeysWithValues: mapping.bidirectionalFields.map { ($0.erpField, prefer) })
            }
            if preview {
                let counts: SyncPlan.Counts
                if var stream = previews {
                    counts = try PreviewJSON.stream(request, engine: engine, into: &stream)
                    previews = stream
                } else {
                    var printer = PlanPrinter()
                    counts = try engine.preview(request) { plans in printer.print(plans) }
                    printer.finish(summary: PlanPrinter.summary(request.mapping, counts))
                }
                refused = refused || counts.skipped + counts.failing > 0
            } else {
                let waits = opened.connected.waits
                let waitedBefore = waits.secondsWaited.byService
                let progress = ProgressLine(request.mapping, waits: waits)
                var result = try engine.synchronize(request, progress: progress.update)
                progress.finish()
                if coupleDependencies, result.problems.contains(where: { $0.failure?.isUncoupledDependency ?? false }) {
                    // The first pass's summary stays in view; its problems are the second pass's to tell.
                    if output.json { documents.append(SyncReport(result: result, mapping: request.mapping)) } else {
                        Console.out("\(request.mapping): \(Console.safe(result.summary))" + tr(" (job {0})", result.job.id))
                    }
                    if try coupleDependencies(of: request.mapping, problems: result.problems, in: opened.workspace) {
                        let again = ProgressLine(request.mapping, waits: waits)
                        result = try engine.synchronize(request, progress: again.update)
                        again.finish()
                    }
                }
                tellWaits(of: request.mapping, since: waitedBefore, in: waits)
                let report = SyncReport(result: result, mapping: request.mapping)
                refused = refused || report.hasProblems
                if output.json { documents.append(report) } else {
                    Console.out("\(request.mapping): \(Console.safe(result.summary))" + tr(" (job {0})", result.job.id))
                    printOverwrites(result, mapping: request.mapping)
                    for problem in result.problems {
                        Console.error("\(Console.safe(problem.label)): \(problem.status == .failed ? tr("failed") : tr("refused")): "
                                      + Console.safe(problem.message) + hint(for: problem))
                    }
                    if result.unlistedProblems > 0 {
                        Console.error(tr("… and {0} more skipped or failed — failures are listed by `tandem job {1}`; `--preview` shows why each record is skipped.",
                                         Format.integer(result.unlistedProblems), result.job.id))
                    }
                }
            }
        }
        if let previews {
            previews.finish()
            Console.out()
        } else if output.json {
            try Console.printJSON(documents)
        }
        if refused { throw ExitCode(1) }
    }

    /// "CUSTOMER: waited 42 s for Dataverse (throttling, a busy service or lost answers)." on standard
    /// error, for each service that made this mapping's job wait: a script's log shows where the time went.
    private func tellWaits(of mapping: String, since before: [String: Double], in waits: ServiceWaits) {
        for (service, seconds) in waits.secondsWaited.byService.sorted(by: { $0.key < $1.key }) {
            let waited = seconds - before[service, default: 0]
            guard waited >= 0.5 else { continue }
            Console.error(tr("{0}: waited {1} s for {2} (throttling, a busy service or lost answers).", mapping,
                             Format.integer(Int(waited.rounded())), service))
        }
    }

    /// "CUSTOMER: overwrote 1 change made in the CRM since the last sync:" and one line per record
    /// naming each field, the value lost and the value written.
    private func printOverwrites(_ result: SyncResult, mapping: String) {
        let count = result.job.counters.overwritten
        guard count > 0 else { return }
        let side = result.job.direction.map { tr(" in the {0}", $0.destination.displayName) } ?? ""
        Console.out("\(mapping): " + trn("overwrote {0} change made{1} since the last sync:", "overwrote {0} changes made{1} since the last sync:",
                                         count, side))
        for record in result.overwrites {
            let fields = record.changes.map {
                "\(Console.safe($0.change.field)) \"\(Console.safe($0.change.oldValue))\" → \"\(Console.safe($0.change.newValue))\""
            }
            Console.out("  \(Console.safe(record.label)): " + fields.joined(separator: ", "))
        }
        let listed = result.overwrites.reduce(0) { $0 + $1.changes.count }
        if listed < count {
            Console.out("  " + tr("… and {0} more; `tandem job {1}` and undo keep every old value.", Format.integer(count - listed), result.job.id))
        }
    }

    /// Couples by match the records `problems` refer to that are not coupled, says what it did on
    /// standard error, and returns whether it coupled any (so the mapping is worth synchronizing again).
    private func coupleDependencies(of name: String, problems: [RecordOutcome], in workspace: Workspace) throws -> Bool {
        let mapping = try workspace.store.mapping(named: name)
        var coupledAny = false
        for dependency in try DependencyCoupler(workspace: workspace).couple(for: mapping, problems: problems) {
            Console.error(tr("{0}: coupled {1} of the {2} {3} records it refers to by match{4}.", name, dependency.coupled,
                             dependency.referenced, dependency.mapping,
                             dependency.result.map { tr(" (job {0})", $0.job.id) } ?? ""))
            coupledAny = coupledAny || dependency.coupled > 0
        }
        return coupledAny
    }

    private func hint(for problem: RecordOutcome) -> String {
        if problem.failure?.isUncoupledDependency ?? false, !coupleDependencies { return tr(" --couple-dependencies couples it by match.") }
        switch problem.skipReason {
        case .destinationChanged?, .neverSynchronized?: return tr("; use --force to overwrite it")
        case .conflicts?: return tr("; use --prefer erp or --prefer crm")
        default: return ""
        }
    }
}
