import ArgumentParser
import Foundation
import TandemCore
import TandemSampleData
import TandemSQLite

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the workspace from the sample data (or empty).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Create an empty workspace with the default mappings and no records.")
    var empty = false
    @Flag(help: "Replace an existing workspace.")
    var force = false
    @OptionGroup var confirmation: Confirmation
    @Option(help: ArgumentHelp("A folder of sample CSV files (default: the sample data built into tandem).", valueName: "dir"))
    var sample: String?

    func run() throws {
        let folder = global.folder
        let exists = SQLiteWorkspace.exists(at: folder)
        if exists && !force {
            throw CommandError(.workspaceExists, "A workspace already exists at \(folder); use --force to replace it.")
        }
        if exists { try confirmation.require("Replace the workspace at \(folder), its couplings and job log included?") }
        // Build the new workspace beside the old one first: a bad sample file must not cost the old one.
        try WorkspaceReplacement.make(at: folder, replacing: exists) { target in
            if empty {
                _ = try SQLiteWorkspace.create(at: target)
            } else {
                let source = SampleDataLocator.find(sample)
                let (_, summary) = try SampleDataLoader.load(from: source, into: target)
                let counts = summary.records.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                Console.out("Loaded \(counts) and \(summary.couplings) couplings from \(source).")
            }
        }
        Console.out("Created the workspace at \(folder).")
    }
}
