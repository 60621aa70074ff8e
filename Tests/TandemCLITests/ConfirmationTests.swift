import Testing

@Suite struct ConfirmationTests {
    /// Destructive commands refuse without --yes when not on a terminal, and change nothing.
    @Test func destructiveCommandsNeedYesOutsideATerminal() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        let jobs = try #require(try cli.json("jobs") as? [Any]).count
        for arguments in [["cleanup", "--all"], ["uncouple", "C01600", "C00370"], ["delete-record", "C00370"], ["init", "--force"],
                          ["generate", "--customers", "5", "--force"]] {
            let refused = try cli.run(arguments)
            #expect(refused.status == 2 && refused.err.contains("--yes"), "\(arguments): \(refused.err)")
        }
        #expect(try #require(try cli.json("jobs") as? [Any]).count == jobs)
        #expect(try cli.run("show", "C00370").out.contains("coupled to"))
        #expect(try cli.run("uncouple", "C01600").status != 2)  // one coupling is easily made again: no question
        #expect(try cli.run("cleanup", "--all", "--yes").out.contains("Deleted"))
    }
}
