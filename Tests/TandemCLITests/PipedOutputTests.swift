import Foundation
import Testing

@Suite struct PipedOutputTests {
    /// Into a pipe every value is whole (`tandem errors | cat` shows whole ids); on a terminal long
    /// cells are cut with an ellipsis to keep the columns.
    @Test func pipedTablesPrintWholeValuesAndTerminalsCutThem() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        let piped = try cli.run("errors")
        let ids = piped.out.matches(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)
        #expect(!ids.isEmpty && !piped.out.contains("…"), "\(piped.out)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        // util-linux's script runs the command on a pseudo-terminal.
        let onTerminal = try cli.run(["-qec", "'\(CLIHarness.binary)' errors --workspace '\(cli.workspace)'", "/dev/null"],
                                     wrapper: ["/usr/bin/script"], binary: false)
        #expect(onTerminal.out.contains("…"), "\(onTerminal.out)")
    }
}
