import Foundation
import Testing

@Suite struct ReadmeTests {
    /// The README's script, line by line as printed, on a fresh default workspace: no line is a usage
    /// error, and the undo it ends with names the job the story made.
    @Test func theReadmeScriptRunsAsPrinted() throws {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        let script = try #require(readme.components(separatedBy: "## From scripts").dropFirst().first?
            .components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = script.split(separator: "\n").flatMap { line in
            (line.components(separatedBy: "#").first ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty }
        #expect(commands.count >= 8)
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        var last: CLIHarness.Run?
        for command in commands {
            let words = try #require(ShellWords.split(command))
            #expect(words.first == "tandem", "\(command)")
            let run = try cli.run(Array(words.dropFirst()))
            #expect(run.status != 2, "\(command): \(run.err)")
            last = run
        }
        let undo = try #require(last)
        #expect(commands.last?.hasPrefix("tandem undo") == true && undo.status == 0, "\(undo.err)")
        #expect(undo.out.contains("Undid job"), "\(undo.out)")
    }
}
