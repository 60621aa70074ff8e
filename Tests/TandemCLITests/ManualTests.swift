import Foundation
import Testing

@Suite struct ManualTests {
    /// docs/man/tandem.1 (made by swift-argument-parser's generate-manual plugin) describes every
    /// command the binary has: adding one without making the page again fails here.
    @Test func theManualPageNamesEveryCommand() throws {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }
        let page = try String(contentsOf: folder.appendingPathComponent("docs/man/tandem.1"), encoding: .utf8)
        let cli = CLIHarness()
        defer { cli.remove() }
        let help = try cli.run("--help").out
        // A command's line starts two spaces in; its wrapped description further in.
        let commands = try #require(help.components(separatedBy: "SUBCOMMANDS:").last).split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.contains("tandem help") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(commands.count >= 20 && commands.contains("completion"))
        for command in commands where command != "help" {
            #expect(page.contains(".It Em \(command)\n"), "docs/man/tandem.1 lacks \(command): make the page again (README)")
        }
    }
}
