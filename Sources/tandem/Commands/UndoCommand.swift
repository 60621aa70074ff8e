import ArgumentParser
import TandemCore
import TandemSQLite

struct UndoCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: tr("Undo a job: every field it wrote goes back; records changed since are refused."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(tr("The job's number.")))
    var id: Int64
    @Flag(help: ArgumentHelp(tr("Show what would go back and what would be refused; write nothing.")))
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
            Console.out(Console.safe(result.job.message) + tr(" (job {0})", result.job.id))
            for refused in result.refused { Console.error(tr("{0}: refused: {1}", Console.safe(refused.label), Console.safe(refused.message))) }
            if result.refusedCount > result.refused.count {
                Console.error(tr("… and {0} more refused.", Format.integer(result.refusedCount - result.refused.count)))
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
        Console.out(trn("Undo of job {1} would put back {0} record and refuse {2}. Nothing was written.",
                        "Undo of job {1} would put back {0} records and refuse {2}. Nothing was written.",
                        preview.restorableCount, id, Format.integer(preview.refusedCount)))
        for step in preview.restores { Console.out("  " + Console.safe(UndoStepText.line(step))) }
        if preview.restorableCount > preview.restores.count {
            Console.out("  " + tr("… and {0} more.", Format.integer(preview.restorableCount - preview.restores.count)))
        }
        for step in preview.refusals { Console.out("  " + tr("refused: {0}", Console.safe(UndoStepText.line(step)))) }
        if preview.refusedCount > preview.refusals.count {
            Console.out("  " + tr("… and {0} more refused.", Format.integer(preview.refusedCount - preview.refusals.count)))
        }
    }
}
