import Testing

@Suite struct RestoreTests {
    /// A deleted ERP record is restored from the surviving CRM record, named by its id.
    @Test func restoreRecreatesADeletedERPRecordFromTheCRMId() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let card = try #require(try cli.json("show", "C00310") as? [String: Any])
        let crmID = try #require((card["coupling"] as? [String: Any])?["crmId"] as? String)
        try WorkspaceFiles(folder: cli.workspace).deleteERPCustomer(number: "C00310")
        #expect(try cli.run("restore", "C00310").status == 2)  // the ERP record is gone: no such No.
        let restored = try cli.run("restore", crmID)
        #expect(restored.status == 0 && restored.out.contains("restored the ERP record as"), "\(restored.err)")
        let newID = try #require(restored.out.firstMatch(of: /as ([0-9a-f-]{36})\./).map { String($0.1) })
        #expect(try cli.run("show", newID).out.contains("Brauerei Großmann"))
    }
}
