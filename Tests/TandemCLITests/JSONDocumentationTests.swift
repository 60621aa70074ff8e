import Foundation
import Testing

/// docs/json.md describes the document of every command that takes `--json`, and every error code:
/// adding either without writing it down fails here.
@Suite struct JSONDocumentationTests {
    var repository: URL {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }
        return folder
    }

    var page: String {
        get throws { try String(contentsOf: repository.appendingPathComponent("docs/json.md"), encoding: .utf8) }
    }

    /// The commands `tandem --help` lists, read the way ManualTests reads them.
    func commands(_ cli: CLIHarness) throws -> [String] {
        let help = try cli.run("--help").out
        return try #require(help.components(separatedBy: "SUBCOMMANDS:").last).split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.contains("tandem help") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0 != "help" }
    }

    @Test func everyCommandWithJSONHasASection() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        let page = try page
        let all = try commands(cli)
        #expect(all.count >= 20 && all.contains("sync"))
        var withJSON: [String] = []
        for command in all where try cli.run(command, "--help").out.contains("--json") { withJSON.append(command) }
        #expect(withJSON.count >= 11 && withJSON.contains("list") && !withJSON.contains("init"), "\(withJSON)")
        for command in withJSON {
            let documented = page.contains("\n## `tandem \(command)`\n")
            #expect(documented, "docs/json.md has no section for `tandem \(command) --json`")
        }
    }

    @Test func everyErrorCodeIsInTheTable() throws {
        let source = try String(contentsOf: repository.appendingPathComponent("Sources/tandem/ErrorCode.swift"), encoding: .utf8)
        let codes = source.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: #/    case ([a-zA-Z]+)/#).map { String($0.1) }
        }
        #expect(codes.count >= 20 && codes.contains("usage") && codes.contains("failed"))
        let page = try page
        for code in codes {
            let documented = page.contains("\n| `\(code)` |")
            #expect(documented, "docs/json.md's error table lacks \(code)")
        }
    }
}
