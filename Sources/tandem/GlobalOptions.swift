import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The workspace folder.",
        discussion: "Default: $TANDEM_WORKSPACE, else $XDG_DATA_HOME/tandem/default (~/.local/share/tandem/default).",
        valueName: "dir"))
    var workspace: String?

    /// The workspace folder this command works on.
    var folder: String {
        if let workspace { return workspace }
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["TANDEM_WORKSPACE"], !chosen.isEmpty { return chosen }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("tandem/default")
    }

    /// Opens the workspace, or says how to create one.
    func open() throws -> SQLiteWorkspace {
        guard SQLiteWorkspace.exists(at: folder) else {
            throw CommandError("No workspace at \(folder). Create one with `tandem init`.")
        }
        return try SQLiteWorkspace.open(at: folder)
    }
}

/// A failure a command reports with its own message; `usage` errors exit with 2, the rest with 1.
struct CommandError: Error {
    var message: String
    var usage: Bool

    init(_ message: String, usage: Bool = false) {
        self.message = message
        self.usage = usage
    }
}

/// Output that scripts can choose: aligned text for people, one JSON document for programs.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document instead of text.")
    var json = false
}
