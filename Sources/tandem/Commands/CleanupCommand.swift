import ArgumentParser
import TandemCore
import TandemSQLite

struct CleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup", abstract: tr("Delete old entries from the job log (failed jobs a skipped coupling refers to are kept)."))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(tr("Delete jobs started more than this many days ago (default 7).")))
    var olderThan: Int?
    @Flag(help: ArgumentHelp(tr("Delete every job.")))
    var all = false
    @OptionGroup var confirmation: Confirmation

    func validate() throws {
        if all && olderThan != nil { throw ValidationError(tr("Give --older-than or --all, not both.")) }
        if let olderThan, olderThan < 0 { throw ValidationError(tr("--older-than takes a number of days, 0 or more.")) }
    }

    func run() throws {
        if all { try confirmation.require(tr("Delete every job from the log, with its errors and undo information?")) }
        let deleted = try JobLog(workspace: global.open(for: .writing).workspace).cleanup(olderThanDays: all ? nil : olderThan ?? 7)
        Console.out(trn("Deleted {0} job from the log.", "Deleted {0} jobs from the log.", deleted))
    }
}
