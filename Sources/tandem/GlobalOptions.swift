import ArgumentParser
import Foundation
import TandemConnectors
import TandemCore
import TandemPostgres
import TandemSQLite

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        tr("The workspace folder, or a shared workspace's postgres://user@host:port/database."),
        discussion: tr("Default: $TANDEM_WORKSPACE, else $XDG_DATA_HOME/tandem/default (~/.local/share/tandem/default)."),
        valueName: "dir"))
    var workspace: String?

    /// The workspace folder this command works on, and whether it is the built-in default.
    var location: (folder: String, isDefault: Bool) {
        if let workspace { return (workspace, false) }
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["TANDEM_WORKSPACE"], !chosen.isEmpty { return (chosen, false) }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) as NSString)
                .appendingPathComponent(".local/share")
        return ((data as NSString).appendingPathComponent("tandem/default"), true)
    }

    var folder: String { location.folder }

    /// Opens the workspace: `.reading` for commands that only read (every file read-only, nothing
    /// written), `.writing` for the rest. The built-in default is created from the sample data on
    /// first use; a folder named by `--workspace` or `$TANDEM_WORKSPACE` must exist (a typo must not
    /// make a new one).
    func open(for access: AccessMode) throws -> OpenedWorkspace {
        let (opened, notice) = try openOrCreate(for: access)
        if let notice { Console.error(notice) }
        return opened
    }

    /// Opens the workspace with its connected sides in place: their tables read the replica and write
    /// through the service (credentials from the environment, read on the first request).
    func openConnected(for access: AccessMode) throws -> ConnectedWorkspace {
        try open(for: access).connected
    }

    /// Pulls every connected side of an opened workspace (nothing when none is connected) and says on
    /// standard error what each pull brought, unless `quietly`.
    func pullConnectedSides(of opened: OpenedWorkspace, quietly: Bool) throws {
        let reports = try opened.connected.pull()
        Self.tellAdoptedLocalCurrencies(reports)
        for report in reports where !quietly {
            if let notOffered = report.notOffered {
                Console.error(Console.safe(notOffered))
                continue
            }
            Console.error(tr("Pulled {0}: {1} new, {2} changed, {3} deleted.", report.table, report.changes.inserted,
                             report.changes.changed, report.changes.deleted))
        }
    }

    /// Says on standard error which mappings a pull taught what a blank currency code stands for.
    static func tellAdoptedLocalCurrencies(_ reports: [PullReport]) {
        for report in reports {
            guard let adoption = report.adoptedLocalCurrency else { continue }
            for mapping in adoption.mappings {
                Console.error(tr("A blank Currency Code is the local currency {0} there: {1} now compares it so (`tandem mapping {1} --erp-blank \"Currency Code=\"` undoes it).",
                                 Console.safe(adoption.code), mapping))
            }
        }
    }

    /// Opens the workspace, creating the built-in default from the sample data on first use; the
    /// notice says so when it did.
    func openOrCreate(for access: AccessMode) throws -> (OpenedWorkspace, notice: String?) {
        let (folder, isDefault) = location
        if PostgresAddress.isPostgres(folder) {
            return (try OpenedWorkspace(try PostgresWorkspace.open(try PostgresAddress(folder))), nil)
        }
        if SQLiteWorkspace.exists(at: folder) {
            return (try OpenedWorkspace(try SQLiteWorkspace.open(at: folder, access: access)), nil)
        }
        guard isDefault else { throw CommandError(.noWorkspace, tr("No workspace at {0}. Create one with `tandem init`.", folder)) }
        let source = SampleDataLocator.find(nil)
        let (opened, _) = try SampleDataLoader.load(from: source, into: folder)
        return (try OpenedWorkspace(opened), tr("Created the workspace at {0} from {1}.", folder, source))
    }
}
