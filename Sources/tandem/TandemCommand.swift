import ArgumentParser
import Foundation
import TandemConnectors
import TandemTerminal

/// `tandem`: couple ERP records with CRM records and synchronize them.
struct TandemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: tr("Couple ERP customers and contacts with CRM accounts and contacts, and synchronize them."),
        usage: tr("tandem [--workspace <dir>]           (the terminal UI)\n  tandem <command> [options]            (scripts: see the commands below)"),
        discussion: tr("Exit codes: 0 when everything succeeded, 1 when some records failed or were refused (the summary says which), 2 for usage errors."),
        version: TandemVersion.current,
        subcommands: [
            InitCommand.self, ListCommand.self, ShowCommand.self, SetCommand.self,
            CoupleCommand.self, UncoupleCommand.self, SyncCommand.self, MatchCommand.self,
            JobsCommand.self, JobCommand.self, ErrorsCommand.self, RetryCommand.self, UndoCommand.self,
            RestoreCommand.self, DeleteRecordCommand.self, CleanupCommand.self,
            MappingsCommand.self, MappingCommand.self,
            ImportCommand.self, ExportCommand.self, GenerateCommand.self,
            ConnectCommand.self, PullCommand.self, ConnectionsCommand.self, WatchCommand.self, CompletionCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    /// With no command: the terminal UI on the workspace.
    func run() throws {
        let (opened, notice) = try global.openOrCreate(for: .writing)
        do {
            try TerminalApp.run(workspace: opened.workspace, workspaceName: opened.name, notice: notice, puller: opened.connected)
        } catch let error as TerminalError {
            throw CommandError(.terminal, error.description)
        }
    }
}
