import ArgumentParser
import TandemConnectors
import TandemCore
import TandemSQLite

/// `tandem connections`: where each side lives, when each table was last pulled, where the next pull
/// starts, and the requests and throttling waits seen so far. Never a credential.
struct ConnectionsCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "connections", abstract: tr("Where each side lives, its last pull, cursor and the limits seen."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let opened = try global.open(for: .reading).host
        let sides = try Side.allCases.map { side in try describe(side, opened) }
        if output.json { return try Console.printJSON(sides) }
        for side in sides {
            guard let url = side.url else {
                Console.out(tr("{0}: the embedded database", side.side))
                continue
            }
            let company = side.company.map { $0.isEmpty ? "" : " " + tr("(company {0})", Console.safe($0)) } ?? ""
            Console.out(tr("{0}: {1} at {2}{3}", side.side, side.kind, Console.safe(url), company))
            for table in side.tables {
                let pulled = table.lastPullAt.map { tr("last pull {0}", $0) } ?? tr("never pulled")
                let resume = table.pullInProgress ? " · " + tr("a pull was cut off and resumes where it stopped") : ""
                Console.out("  \(table.table): \(pulled) · " + tr("{0} records pulled, {1} requests, {2} s waiting on limits",
                                                                  table.recordsPulled, table.requests,
                                                                  Int(table.secondsWaited.rounded())) + resume)
            }
        }
    }

    private func describe(_ side: Side, _ opened: any ReplicaHost) throws -> ConnectionJSON {
        guard let connection = try opened.connection(on: side) else {
            return ConnectionJSON(side: side.displayName, kind: "embedded", tables: [])
        }
        let tables = try ServiceCatalog.tables(of: ServiceKind(argument: connection.kind, side: side)).map { name in
            let state = try opened.replica(name, on: side).pullState()
            return ConnectionJSON.TableJSON(table: name, lastPullAt: state.lastPullAt?.iso8601, cursor: state.cursor,
                                            pullInProgress: state.nextLink != nil, recordsPulled: state.recordsPulled,
                                            requests: state.requests, secondsWaited: state.secondsWaited)
        }
        return ConnectionJSON(side: side.displayName, kind: connection.kind, url: connection.url, company: connection.company,
                              connectedAt: connection.connectedAt.iso8601, tables: tables)
    }
}
