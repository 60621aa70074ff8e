import ArgumentParser
import Foundation
import TandemCore
import TandemSampleData
import TandemSQLite

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: tr("Create the workspace from the sample data (or empty)."))

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(tr("Create an empty workspace with the default mappings and no records.")))
    var empty = false
    @Flag(help: ArgumentHelp(tr("Replace an existing workspace.")))
    var force = false
    @OptionGroup var confirmation: Confirmation
    @Option(help: ArgumentHelp(tr("A folder of sample CSV files (default: the sample data built into tandem)."), valueName: "dir"))
    var sample: String?

    func run() throws {
        let location = global.folder, name = WorkspaceReplacement.name(of: location)
        let exists = try WorkspaceReplacement.exists(at: location)
        if exists && !force {
            throw CommandError(.workspaceExists, tr("A workspace already exists at {0}; use --force to replace it.", name))
        }
        if exists { try confirmation.require(tr("Replace the workspace at {0}, its couplings and job log included?", name)) }
        // Build the new workspace beside the old one first: a bad sample file must not cost the old one.
        try WorkspaceReplacement.make(at: location, replacing: exists) { target in
            if empty {
                _ = try SQLiteWorkspace.create(at: target)
            } else {
                let source = SampleDataLocator.find(sample)
                let (_, summary) = try SampleDataLoader.load(from: source, into: target)
                let counts = summary.records.sorted { $0.key < $1.key }.map { "\(Format.integer($0.value)) \($0.key)" }
                    .joined(separator: ", ")
                Console.out(trn("Loaded {1} and {0} coupling from {2}.", "Loaded {1} and {0} couplings from {2}.", summary.couplings,
                                counts, source))
            }
        }
        Console.out(tr("Created the workspace at {0}.", name))
    }
}
