import Foundation
import Testing

@Suite struct ListSummaryTests {
    /// The count names what was listed: the whole table's size is not the number of uncoupled ones,
    /// and `--json` says on standard error when it stopped at the limit.
    @Test func listSaysHowManyOfWhatItListed() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let all = try cli.run("list", "customers")
        let total = try #require(all.err.firstMatch(of: /50 of (\d+) customers\./).flatMap { Int($0.1) })
        let uncoupled = try cli.run("list", "customers", "--uncoupled", "--limit", "100000")
        let count = try #require(uncoupled.err.firstMatch(of: /(\d+) uncoupled customers, all of them\./).flatMap { Int($0.1) })
        #expect(count < total && uncoupled.out.split(separator: "\n").count == count + 1)
        let capped = try cli.run("list", "customers", "--uncoupled", "--limit", "5", "--json")
        #expect(capped.err.contains("5 uncoupled customers shown; there may be more"))
        #expect(try #require(try JSONSerialization.jsonObject(with: Data(capped.out.utf8)) as? [Any]).count == 5)
    }
}
