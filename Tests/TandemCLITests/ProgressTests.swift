import Foundation
import Testing

@Suite struct ProgressTests {
    /// A long sync shows its progress on a terminal's standard error, and writes none into a pipe.
    @Test func progressShowsOnATerminalOnly() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        // More than one batch (5,000 pairs), so there is progress to show between them.
        try cli.run("generate", "--customers", "11000", "--coupled", "1", "--changed-erp", "0.5")
        let piped = try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        #expect(!piped.err.contains("records…") && !piped.err.contains("\r"), "\(piped.err)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let onTerminal = try cli.run(["-qec", "'\(CLIHarness.binary)' sync --all --mapping CUSTOMER --direction to-crm --force "
                                      + "--workspace '\(cli.workspace)'", "/dev/null"], wrapper: ["/usr/bin/script"], binary: false)
        #expect(onTerminal.out.contains("CUSTOMER: 5,000 of 11,000 records…"), "\(onTerminal.out)")
        #expect(onTerminal.out.contains("Synchronized 11000 of 11000 records"), "\(onTerminal.out)")
    }
}
