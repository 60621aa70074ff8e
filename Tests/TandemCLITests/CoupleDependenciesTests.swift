import Testing

/// `sync --couple-dependencies` on the sample data: contacts whose company is not coupled fail and
/// name the way out; with the flag, their companies are coupled by match and the contacts travel.
@Suite struct CoupleDependenciesTests {
    @Test func contactsWhoseCompanyIsNotCoupledGetItCoupledByMatchAndTravel() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        #expect(try cli.run("mapping", "CONTACT", "--only-coupled", "false").status == 0)
        let preview = try cli.run("sync", "--all", "--mapping", "CONTACT", "--direction", "to-crm", "--preview")
        #expect(preview.out.contains("The contact's company is not coupled to a CRM account."))

        let sync = try cli.run("sync", "--all", "--mapping", "CONTACT", "--direction", "to-crm", "--couple-dependencies")
        #expect(sync.out.contains("CONTACT: Synchronized 173 of 290 records. 112 failed. 5 were skipped. (job 1)"), "\(sync.out)")
        #expect(sync.err.contains("CONTACT: coupled 40 of the 55 CUSTOMER records it refers to by match (job 2)."), "\(sync.err)")
        #expect(sync.out.contains("CONTACT: Synchronized 253 of 290 records. 32 failed. 5 were skipped. (job 3)"), "\(sync.out)")

        // What is left names the flag; the flag finds nothing more to couple, so no second pass.
        let plain = try cli.run("sync", "--all", "--mapping", "CONTACT", "--direction", "to-crm")
        #expect(plain.err.contains("The contact's company is not coupled to a CRM account. --couple-dependencies couples it by match."))
        let again = try cli.run("sync", "--all", "--mapping", "CONTACT", "--direction", "to-crm", "--couple-dependencies")
        #expect(again.err.contains("CONTACT: coupled 0 of the 15 CUSTOMER records it refers to by match"), "\(again.err)")
        #expect(!again.out.contains("(job 7)"), "\(again.out)")
    }
}
