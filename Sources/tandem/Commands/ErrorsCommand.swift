import ArgumentParser
import TandemCore
import TandemSQLite

struct ErrorsCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(commandName: "errors", abstract: tr("Coupled data synchronization errors: skipped and failed couplings."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let rows = try JobLog(workspace: global.open(for: .reading).workspace).coupledDataErrors()
        if output.json {
            struct Row: Encodable {
                var table: String; var record: String?; var coupledTo: String?; var erpExists: Bool; var crmExists: Bool
                var skipped: Bool; var lastError: String?; var lastErrorReason: RecordFailure?; var failedOn: String?
                var coupling: CouplingJSON
            }
            return try Console.printJSON(rows.map {
                Row(table: $0.erpTable, record: $0.erpLabel, coupledTo: $0.crmLabel, erpExists: $0.erpExists, crmExists: $0.crmExists,
                    skipped: $0.coupling.skipped, lastError: $0.lastError?.message,
                    lastErrorReason: $0.lastError, failedOn: $0.failedOn?.iso8601, coupling: CouplingJSON($0.coupling))
            })
        }
        var table = TextTable([tr("Table"), tr("Record"), tr("Coupled to"), "ERP", "CRM", tr("Skipped"), tr("Failed on")].map {
            TextTable.Column(title: $0, maxWidth: 32)
        } + [TextTable.Column(title: tr("Last error"), maxWidth: 70)])
        for row in rows {
            table.add([row.erpTable, row.erpLabel ?? row.coupling.erpID.rawValue, row.crmLabel ?? row.coupling.crmID.rawValue,
                       row.erpExists ? tr("exists") : tr("deleted"), row.crmExists ? tr("exists") : tr("deleted"),
                       row.coupling.skipped ? tr("yes") : tr("no"),
                       row.failedOn.map(TextWords.time) ?? "", row.lastError?.message ?? ""])
        }
        Console.out(table.render())
        Console.error(trn("{0} coupling with errors.", "{0} couplings with errors.", rows.count))
    }
}
