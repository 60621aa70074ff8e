import ArgumentParser
import TandemCore
import TandemSQLite

struct UncoupleCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "uncouple", abstract: "Delete the couplings of ERP records; the records themselves are untouched.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "ERP No. of each record.")
    var numbers: [String]
    @OptionGroup var confirmation: Confirmation

    func validate() throws {
        guard !numbers.isEmpty else { throw ValidationError("Give at least one ERP No.") }
    }

    func run() throws {
        // One coupling is easily made again; many are not.
        if numbers.count > 1 { try confirmation.require("Remove the couplings of \(numbers.count) records?") }
        let opened = try global.open(for: .writing)
        let found = try RecordReferences(opened: opened).resolveERPNumbers(numbers)
        var outcomes: [RecordOutcome] = []
        for (mapping, records) in Dictionary(grouping: found, by: \.mapping.name).sorted(by: { $0.key < $1.key }) {
            outcomes += try CouplingService(workspace: opened.workspace)
                .uncouple(mapping: mapping, side: .erp, ids: records.map(\.record.id)).outcomes
        }
        if output.json {
            try Console.printJSON(outcomes.map(OutcomeJSON.init))
        } else {
            for outcome in outcomes {
                Console.out(outcome.status == .uncoupled ? "\(Console.safe(outcome.label)): uncoupled"
                      : "\(Console.safe(outcome.label)): \(Console.safe(outcome.message))")
            }
        }
        if outcomes.contains(where: { $0.status == .failed || $0.status == .changedElsewhere }) { throw ExitCode(1) }
    }
}
