import ArgumentParser
import TandemCore
import TandemSQLite

struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "The synchronization job log, newest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "At most this many jobs.")
    var limit = 50

    func run() throws {
        let workspace = try global.open(for: .reading).workspace
        let jobs = try workspace.store.jobs(limit: limit).map(workspace.current)
        if output.json { return try Console.printJSON(jobs.map(JobJSON.init)) }
        var table = TextTable(["Job", "Started", "ms", "Type", "Mapping", "Ins", "Mod", "Unch", "Skip", "Fail", "Del", "Cpl", "Uncpl", "Else"].map {
            TextTable.Column(title: $0, maxWidth: 24, alignRight: !["Started", "Type", "Mapping"].contains($0))
        } + [TextTable.Column(title: "Message", maxWidth: 60)])
        for job in jobs {
            let counters = job.counters
            table.add([String(job.id), job.startedAt.iso8601, job.durationMilliseconds.map(String.init) ?? "", job.type.rawValue, job.caption]
                      + [counters.inserted, counters.modified, counters.unchanged, counters.skipped, counters.failed,
                         counters.deleted, counters.coupled, counters.uncoupled, counters.changedElsewhere].map(String.init)
                      + [(job.interrupted ? "interrupted: its process ended before it did. " : "")
                         + (job.undoneBy.map { "undone by job \($0). " } ?? "") + job.message])
        }
        Console.out(table.render())
    }
}

struct JobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job", abstract: "One job and its errors.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The job's number.")
    var id: Int64

    func run() throws {
        let workspace = try global.open(for: .reading).workspace, store = workspace.store
        guard let job = try store.job(id).map(workspace.current) else {
            throw CommandError(TandemError.jobNotFound(id).description, usage: true)
        }
        let errors = try store.jobErrors(id)
        let written = try store.recordChangeCount(id)
        if output.json {
            struct ErrorJSON: Encodable {
                var at: String; var message: String; var reason: RecordFailure; var sourceSide: String; var sourceId: String?
                var destinationId: String?
            }
            struct Report: Encodable { var job: JobJSON; var errors: [ErrorJSON]; var recordsWritten: Int }
            return try Console.printJSON(Report(job: JobJSON(job), errors: errors.map {
                ErrorJSON(at: $0.at.iso8601, message: $0.message, reason: $0.reason, sourceSide: $0.sourceSide.rawValue,
                          sourceId: $0.sourceID?.rawValue, destinationId: $0.destinationID?.rawValue)
            }, recordsWritten: written))
        }
        Console.out("Job \(job.id) · \(job.type.rawValue) · \(job.mapping)\(job.direction.map { " · \($0.rawValue)" } ?? "")")
        Console.out("started \(job.startedAt), finished \(job.finishedAt?.iso8601 ?? "not yet")")
        Console.out(Console.safe(job.message))
        Console.out("records written: \(written)\(job.undoneBy.map { " (undone by job \($0))" } ?? "")")
        guard !errors.isEmpty else { return Console.out("no errors") }
        var table = TextTable([TextTable.Column(title: "Time"), TextTable.Column(title: "Source"),
                               TextTable.Column(title: "Destination"), TextTable.Column(title: "Message", maxWidth: 90)])
        for error in errors {
            table.add([error.at.iso8601, "\(error.sourceSide.rawValue) \(error.sourceID?.rawValue ?? "")",
                       error.destinationID?.rawValue ?? "", error.message])
        }
        Console.out(table.render())
    }
}

struct ErrorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "errors", abstract: "Coupled data synchronization errors: skipped and failed couplings.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let rows = try JobLog(workspace: global.open(for: .reading).workspace).coupledDataErrors()
        if output.json {
            struct Row: Encodable {
                var table: String; var record: String?; var coupledTo: String?; var erpExists: Bool; var crmExists: Bool
                var skipped: Bool; var lastError: String?; var lastErrorReason: RecordFailure?; var failedOn: String?
                var coupling: CouplingJSON
            }
            return try Console.printJSON(rows.map {
                Row(table: $0.erpTable, record: $0.erpLabel, coupledTo: $0.crmLabel, erpExists: $0.erpExists, crmExists: $0.crmExists,
                    skipped: $0.coupling.skipped, lastError: $0.lastError?.message,
                    lastErrorReason: $0.lastError, failedOn: $0.failedOn?.iso8601, coupling: CouplingJSON($0.coupling))
            })
        }
        var table = TextTable(["Table", "Record", "Coupled to", "ERP", "CRM", "Skipped", "Failed on", "Last error"].map {
            TextTable.Column(title: $0, maxWidth: $0 == "Last error" ? 70 : 32)
        })
        for row in rows {
            table.add([row.erpTable, row.erpLabel ?? row.coupling.erpID.rawValue, row.crmLabel ?? row.coupling.crmID.rawValue,
                       row.erpExists ? "exists" : "deleted", row.crmExists ? "exists" : "deleted", row.coupling.skipped ? "yes" : "no",
                       row.failedOn?.iso8601 ?? "", row.lastError?.message ?? ""])
        }
        Console.out(table.render())
        Console.error("\(rows.count) coupling\(rows.count == 1 ? "" : "s") with errors.")
    }
}

struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Clear the skipped mark so the next sync takes the records again.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "ERP No. of each record.")
    var numbers: [String] = []
    @Flag(help: "Every skipped coupling.")
    var all = false

    func validate() throws {
        guard numbers.isEmpty == all else { throw ValidationError("Give ERP numbers or --all, not both.") }
    }

    func run() throws {
        let opened = try global.open(for: .writing)
        let log = JobLog(workspace: opened.workspace)
        var cleared = 0
        if all {
            cleared = try log.retryAll()
        } else {
            let found = try RecordReferences(opened: opened).resolveERPNumbers(numbers)
            for (mapping, records) in Dictionary(grouping: found, by: \.mapping.name) {
                cleared += try log.retry(mapping: mapping, erpIDs: records.map(\.record.id))
            }
        }
        Console.out("Cleared the skipped mark of \(cleared) coupling\(cleared == 1 ? "" : "s").")
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Undo a job: every field it wrote goes back; records changed since are refused.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The job's number.")
    var id: Int64

    func run() throws {
        let opened = try global.open(for: .writing)
        guard try opened.workspace.store.job(id) != nil else {
            throw CommandError(TandemError.jobNotFound(id).description, usage: true)
        }
        let result = try JobUndoer(workspace: opened.workspace).undo(id)
        if output.json {
            // restored and refused list the first records of each (JobUndoer.sampleLimit); the counts are exact.
            struct Report: Encodable {
                var job: JobJSON; var restoredCount: Int; var refusedCount: Int; var restored: [OutcomeJSON]; var refused: [OutcomeJSON]
            }
            try Console.printJSON(Report(job: JobJSON(result.job), restoredCount: result.restoredCount, refusedCount: result.refusedCount,
                                         restored: result.restored.map(OutcomeJSON.init), refused: result.refused.map(OutcomeJSON.init)))
        } else {
            Console.out(Console.safe(result.job.message) + " (job \(result.job.id))")
            for refused in result.refused { Console.error("\(Console.safe(refused.label)): refused: \(Console.safe(refused.message))") }
            if result.refusedCount > result.refused.count {
                Console.error("… and \(result.refusedCount - result.refused.count) more refused.")
            }
        }
        if result.refusedCount > 0 { throw ExitCode(1) }
    }
}
