import ArgumentParser
import TandemCore
import TandemSQLite

struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: tr("Clear the skipped mark so the next sync takes the records again."))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(tr("ERP No. of each record.")))
    var numbers: [String] = []
    @Flag(help: ArgumentHelp(tr("Every skipped coupling.")))
    var all = false

    func validate() throws {
        guard numbers.isEmpty == all else { throw ValidationError(tr("Give ERP numbers or --all, not both.")) }
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
        Console.out(trn("Cleared the skipped mark of {0} coupling.", "Cleared the skipped mark of {0} couplings.", cleared))
    }
}
