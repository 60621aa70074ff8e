import ArgumentParser
import TandemCore
import TandemSQLite

struct JobsCommand: ParsableCommand, JSONOutputCommand {
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
