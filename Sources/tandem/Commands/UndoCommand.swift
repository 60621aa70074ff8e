import ArgumentParser
import TandemCore
import TandemSQLite

struct UndoCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Undo a job: every field it wrote goes back; records changed since are refused.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The job's number.")
    var id: Int64

    func run() throws {
        let opened = try global.open(for: .writing)
        guard try opened.workspace.store.job(id) != nil else {
            throw CommandError(.jobNotFound, TandemError.jobNotFound(id).description, usage: true)
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
