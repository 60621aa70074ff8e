import ArgumentParser
import TandemCore
import TandemSQLite

struct UndoCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Undo a job: every field it wrote goes back; records changed since are refused.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The job's number.")
    var id: Int64
    @Flag(help: "Show what would go back and what would be refused; write nothing.")
    var preview = false

    func run() throws {
        let opened = try global.open(for: preview ? .reading : .writing)
        guard try opened.workspace.store.job(id) != nil else {
            throw CommandError(.jobNotFound, TandemError.jobNotFound(id).description, usage: true)
        }
        if preview { return try printPreview(try JobUndoer(workspace: opened.workspace).preview(id)) }
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

    private func printPreview(_ preview: UndoPreview) throws {
        if output.json {
            // restores and refusals list the first records of each (JobUndoer.sampleLimit); the counts are exact.
            struct Report: Encodable {
                var job: JobJSON; var restorableCount: Int; var refusedCount: Int; var restores: [UndoStepJSON]; var refusals: [UndoStepJSON]
            }
            try Console.printJSON(Report(job: JobJSON(preview.job), restorableCount: preview.restorableCount,
                                         refusedCount: preview.refusedCount, restores: preview.restores.map(UndoStepJSON.init),
                                         refusals: preview.refusals.map(UndoStepJSON.init)))
            return
        }
        Console.out("Undo of job \(id) would put back \(preview.restorableCount) record\(preview.restorableCount == 1 ? "" : "s")"
                    + " and refuse \(preview.refusedCount). Nothing was written.")
        for step in preview.restores { Console.out("  " + Console.safe(UndoStepText.line(step))) }
        if preview.restorableCount > preview.restores.count {
            Console.out("  … and \(preview.restorableCount - preview.restores.count) more.")
        }
        for step in preview.refusals { Console.out("  refused: " + Console.safe(UndoStepText.line(step))) }
        if preview.refusedCount > preview.refusals.count {
            Console.out("  … and \(preview.refusedCount - preview.refusals.count) more refused.")
        }
    }
}
