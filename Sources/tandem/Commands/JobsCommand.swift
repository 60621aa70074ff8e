import ArgumentParser
import TandemCore
import TandemSQLite

struct JobsCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: tr("The synchronization job log, newest first."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(tr("At most this many jobs.")))
    var limit = 50

    func run() throws {
        let workspace = try global.open(for: .reading).workspace
        let jobs = try workspace.store.jobs(limit: limit).map(workspace.current)
        if output.json { return try Console.printJSON(jobs.map(JobJSON.init)) }
        let left = [tr("Started"), tr("Type"), tr("Mapping")]
        let counts = [tr("Ins"), tr("Mod"), tr("Unch"), tr("Skip"), tr("Fail"), tr("Del"), tr("Cpl"), tr("Uncpl"), tr("Else")]
        var table = TextTable(([tr("Job"), left[0], "ms", left[1], left[2]] + counts).map {
            TextTable.Column(title: $0, maxWidth: 24, alignRight: !left.contains($0))
        } + [TextTable.Column(title: tr("Message"), maxWidth: 60)])
        for job in jobs {
            let counters = job.counters
            table.add([String(job.id), TextWords.time(job.startedAt), job.durationMilliseconds.map(String.init) ?? "", TextWords.jobType(job.type), job.caption]
                      + [counters.inserted, counters.modified, counters.unchanged, counters.skipped, counters.failed,
                         counters.deleted, counters.coupled, counters.uncoupled, counters.changedElsewhere].map(String.init)
                      + [(job.interrupted ? tr("interrupted: its process ended before it did. ") : "")
                         + (job.undoneBy.map { tr("undone by job {0}. ", $0) } ?? "") + job.message])
        }
        Console.out(table.render())
    }
}
