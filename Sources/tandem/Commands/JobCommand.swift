import ArgumentParser
import TandemCore
import TandemSQLite

struct JobCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(commandName: "job", abstract: tr("One job and its errors."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(tr("The job's number.")))
    var id: Int64

    func run() throws {
        let workspace = try global.open(for: .reading).workspace, store = workspace.store
        guard let job = try store.job(id).map(workspace.current) else {
            throw CommandError(.jobNotFound, TandemError.jobNotFound(id).description, usage: true)
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
        Console.out(tr("Job {0}", job.id) + " · \(TextWords.jobType(job.type)) · \(job.mapping)\(job.direction.map { " · \($0.rawValue)" } ?? "")")
        Console.out(tr("started {0}, finished {1}", TextWords.time(job.startedAt), job.finishedAt.map(TextWords.time) ?? tr("not yet")))
        Console.out(Console.safe(job.message))
        Console.out(tr("records written: {0}", Format.integer(written)) + (job.undoneBy.map { tr(" (undone by job {0})", $0) } ?? ""))
        guard !errors.isEmpty else { return Console.out(tr("no errors")) }
        var table = TextTable([TextTable.Column(title: tr("Time")), TextTable.Column(title: tr("Source")),
                               TextTable.Column(title: tr("Destination")), TextTable.Column(title: tr("Message"), maxWidth: 90)])
        for error in errors {
            table.add([TextWords.time(error.at), "\(error.sourceSide.rawValue) \(error.sourceID?.rawValue ?? "")",
                       error.destinationID?.rawValue ?? "", error.message])
        }
        Console.out(table.render())
    }
}
