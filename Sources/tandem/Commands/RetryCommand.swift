import ArgumentParser
import TandemCore
import TandemSQLite

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
