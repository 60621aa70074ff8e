import ArgumentParser
import TandemCore
import TandemSQLite

struct UncoupleCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "uncouple", abstract: tr("Delete the couplings of ERP records; the records themselves are untouched."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(tr("ERP No. of each record.")))
    var numbers: [String]
    @OptionGroup var confirmation: Confirmation

    func validate() throws {
        guard !numbers.isEmpty else { throw ValidationError(tr("Give at least one ERP No.")) }
    }

    func run() throws {
        // One coupling is easily made again; many are not.
        if numbers.count > 1 { try confirmation.require(trn("Remove the coupling of {0} record?", "Remove the couplings of {0} records?", numbers.count)) }
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
                Console.out(outcome.status == .uncoupled ? tr("{0}: uncoupled", Console.safe(outcome.label))
                      : "\(Console.safe(outcome.label)): \(Console.safe(outcome.message))")
            }
        }
        if outcomes.contains(where: { $0.status == .failed || $0.status == .changedElsewhere }) { throw ExitCode(1) }
    }
}
