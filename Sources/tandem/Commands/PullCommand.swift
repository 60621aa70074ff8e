import ArgumentParser
import TandemConnectors
import TandemCore
import TandemSQLite

/// `tandem pull [erp|crm] [--full]`: brings the replicas of connected sides up to date. `sync` does
/// the same first on its own; this is for a person who wants fresh lists, or a script before a match.
struct PullCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: tr("Bring the local replica of a connected side up to date."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(tr("erp or crm (default: every connected side).")))
    var side: String?
    @Flag(help: ArgumentHelp(tr("Read every record again instead of what changed since the last pull.")))
    var full = false

    func run() throws {
        let chosen = try side.map { name -> Side in
            guard let side = Side(rawValue: name.lowercased()) else {
                throw CommandError(.usage, tr("The side is erp or crm, not \"{0}\".", Console.safe(name)), usage: true)
            }
            return side
        }
        let connected = try global.openConnected(for: .writing)
        if let chosen, connected.services[chosen] == nil {
            throw CommandError(.refused, tr("The {0} is the embedded database; there is nothing to pull. `tandem connect` says where it lives.",
                                            chosen.displayName))
        }
        if connected.services.isEmpty {
            Console.out(tr("No side is connected to a service; there is nothing to pull."))
            return
        }
        let reports = try connected.pull(chosen, full: full)
        GlobalOptions.tellAdoptedLocalCurrencies(reports)
        if output.json { return try Console.printJSON(reports.map(PullReportJSON.init)) }
        for report in reports {
            if let notOffered = report.notOffered {
                Console.out(Console.safe(notOffered))
                continue
            }
            let how = report.resumed ? tr("resumed") : report.full ? tr("full") : tr("changes since the last pull")
            Console.out(tr("{0} ({1}): {2} new, {3} changed, {4} unchanged, {5} deleted in {6} pages.", report.table, how,
                           report.changes.inserted, report.changes.changed, report.changes.unchanged, report.changes.deleted,
                           report.pages))
        }
    }
}
