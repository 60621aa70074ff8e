import ArgumentParser
import Foundation
import TandemConnectors
import TandemCore
import TandemSQLite

/// `tandem connect erp|crm KIND [URL]`: where a side lives. No request is sent and no credential is
/// read or stored: `tandem pull` is the first to talk to the service.
struct ConnectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: tr("Say where a side lives: Business Central, Dataverse, or the embedded database."),
        discussion: tr("Credentials come from the environment each time (see docs/connectors.md), never from the workspace."))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(tr("erp or crm.")))
    var side: String
    @Argument(help: ArgumentHelp(tr("business-central (erp), dataverse (crm), or local.")))
    var kind: String
    @Argument(help: ArgumentHelp(tr("The service's API URL.")))
    var url: String?
    @Option(help: ArgumentHelp(tr("The Business Central company id."), valueName: "id"))
    var company: String?

    func run() throws {
        guard let side = Side(rawValue: side.lowercased()) else {
            throw CommandError(.usage, tr("The side is erp or crm, not \"{0}\".", Console.safe(side)), usage: true)
        }
        let opened = try global.open(for: .writing).host
        guard kind != "local" else {
            try opened.setConnection(nil, on: side)
            return Console.out(tr("The {0} is the embedded database again; its records stay as they were pulled.", side.displayName))
        }
        let service = try ServiceKind(argument: kind, side: side)
        guard let url else { throw CommandError(.usage, tr("Name the service's API URL."), usage: true) }
        let endpoint = try ServiceEndpoint(kind: service, url: url, company: company ?? "")
        if try opened.connection(on: side) == nil {
            let local = try StandardTables.tables(on: side).reduce(0) { $0 + (try opened.replica($1.name, on: side).localOnlyCount()) }
            if local > 0 {
                throw CommandError(.refused, trn(
                    "The {1} holds {0} record of its own; connecting would mix it with the service's. Start from an empty workspace (`tandem init --empty`).",
                    "The {1} holds {0} records of its own; connecting would mix them with the service's. Start from an empty workspace (`tandem init --empty`).",
                    local, side.displayName))
            }
        }
        try opened.setConnection(SideConnection(kind: service.rawValue, url: endpoint.url.absoluteString, company: endpoint.company,
                                                connectedAt: opened.workspace.clock.now()), on: side)
        Console.out(tr("The {0} now lives in {1} at {2}. `tandem pull {3}` brings its records.", side.displayName,
                       service.displayName, Console.safe(endpoint.url.absoluteString), side.rawValue))
    }
}
