import Foundation
import Testing
import TandemEmulator

/// The command line on a workspace whose ERP lives in Business Central (the emulator, over real
/// HTTP, reached by the built binary with client credentials from the environment).
@Suite(.serialized, .timeLimit(.minutes(2))) struct ConnectedCommandTests {
    @Test(arguments: WorkspacePlace.Store.available)
    func syncPullsTheConnectedSideFirstSoAnEditMadeInBusinessCentralReachesTheCRM(_ store: WorkspacePlace.Store) throws {
        let emulator = BusinessCentralEmulator()
        try emulator.start()
        defer { emulator.stop() }
        emulator.seedCustomers(count: 2)
        let cli = try WorkspacePlace(store)
        defer { cli.remove() }
        let environment = ["TANDEM_ERP_TENANT_ID": emulator.tenant, "TANDEM_ERP_CLIENT_ID": "tandem-client",
                           "TANDEM_ERP_CLIENT_SECRET": "tandem-secret", "TANDEM_AUTHORITY_URL": emulator.authorityURL.absoluteString]
        #expect(try cli.run("init", "--empty").status == 0)
        let connect = try cli.run(["connect", "erp", "business-central", emulator.baseURL.absoluteString, "--company", emulator.companyID],
                                  environment: environment)
        #expect(connect.status == 0, "\(connect.err)")
        #expect(!connect.out.contains("tandem-secret") && !connect.err.contains("tandem-secret"))
        let pull = try cli.run(["pull"], environment: environment)
        #expect(pull.status == 0 && pull.out.contains("2 new"), "\(pull.out)\(pull.err)")
        // Business Central's blank Currency Code is its local currency: the mapping learns so once.
        #expect(pull.err.contains("A blank Currency Code is the local currency EUR there: CUSTOMER now compares it so"), "\(pull.err)")
        #expect(try cli.run(["mappings", "--json"], environment: environment).out.contains("\"erpBlankMeans\" : \"EUR\""))
        // What the standard API lacks is said, not invented.
        let mappings = try cli.run(["mappings"], environment: environment).out
        let notes = mappings.split(separator: "\n").filter { $0.hasPrefix("  connected ") }
        #expect(notes.count == 2, "\(mappings)")
        #expect(notes.first?.hasSuffix("Contact: Business Central's API has no such field; it is kept in Tandem only and never sent.") == true)
        #expect(notes.last?.hasSuffix("ERP Contact is not connected to Business Central: its records are read here and not written.") == true)
        let connections = try cli.run(["connections"], environment: environment)
        #expect(connections.out.contains("business-central at") && connections.out.contains("2 records pulled"), "\(connections.out)")
        #expect(!(try cli.run(["pull"], environment: environment)).err.contains("A blank Currency Code"))
        let customer = try #require(emulator.customers().first)
        let number = try #require(customer["number"]?.stringValue)
        let couple = try cli.run(["couple", number, "--create-new"], environment: environment)
        #expect(couple.status == 0, "\(couple.out)\(couple.err)")

        // Someone edits the customer in Business Central; nobody runs `tandem pull`.
        _ = try emulator.editCustomer(id: try #require(customer["id"]?.stringValue), ["city": .string("Oostende")])
        let sync = try cli.run(["sync", "--all", "--direction", "to-crm"], environment: environment)
        #expect(sync.status == 0, "\(sync.out)\(sync.err)")
        #expect(sync.err.contains("Pulled Customer: 0 new, 1 changed"), "\(sync.err)")
        let accounts = try cli.run(["list", "accounts", "--json"], environment: environment)
        #expect(accounts.out.contains("Oostende"), "\(accounts.out)")

        // --no-pull plans from the replica as it is: a newer edit waits for the next pull.
        _ = try emulator.editCustomer(id: try #require(customer["id"]?.stringValue), ["city": .string("Brugge")])
        let stale = try cli.run(["sync", "--all", "--direction", "to-crm", "--no-pull"], environment: environment)
        #expect(stale.status == 0 && !stale.err.contains("Pulled"), "\(stale.err)")
        #expect(!(try cli.run(["list", "accounts", "--json"], environment: environment)).out.contains("Brugge"))

        // Contacts stay local with Business Central connected: a run over every mapping that would
        // write them passes CONTACT by and says why, instead of failing on the table.
        let fromCRM = try cli.run(["sync", "--all", "--direction", "from-crm", "--no-pull"], environment: environment)
        #expect(fromCRM.out.contains("CONTACT: passed by. ERP Contact is not connected to Business Central"), "\(fromCRM.out)\(fromCRM.err)")
        #expect(fromCRM.out.contains("CUSTOMER: ") && fromCRM.out.contains("SALESPEOPLE: "), "\(fromCRM.out)")
        // A scheduled run merges CONTACT, which writes both sides: it is passed by too, every run.
        let watched = try cli.run(["watch", "--once"], environment: environment)
        #expect(watched.out.contains("CONTACT: passed by. ERP Contact is not connected to Business Central"), "\(watched.out)\(watched.err)")
    }

    /// Business Central assigns ids itself, so a process killed after the service created a customer
    /// and before it heard so cannot find that customer by the id it meant to give; the next run finds
    /// it by the number it was sent with and couples it, instead of creating it a second time.
    @Test func aSyncKilledAfterBusinessCentralCreatedTheCustomersCouplesThemOnTheNextRunWithoutDuplicates() throws {
        let emulator = BusinessCentralEmulator()
        try emulator.start()
        defer { emulator.stop() }
        let cli = CLIHarness()
        defer { cli.folder.remove() }
        let environment = ["TANDEM_ERP_TENANT_ID": emulator.tenant, "TANDEM_ERP_CLIENT_ID": "tandem-client",
                           "TANDEM_ERP_CLIENT_SECRET": "tandem-secret", "TANDEM_AUTHORITY_URL": emulator.authorityURL.absoluteString]
        #expect(try cli.run("init", "--empty").status == 0)
        let accounts = try cli.folder.write("accounts.csv", """
            id,modifiedAt,name,accountnumber,address1_line1,address1_line2,address1_postalcode,address1_city,address1_country,telephone1,emailaddress1,websiteurl,address1_primarycontactname,transactioncurrency,creditlimit,statecode
            ebe98d16-17a1-4ec3-973b-fcec70cbfb19,2026-11-02T08:00:00.000Z,Göteborgs Kaffe,C00010,Södra Förstadsgatan 83,,211 20,Malmö,SE,+46 8 368 7607,info@goteborgskaffe.se,www.goteborgskaffe.se,Lars Lindqvist,SEK,50000,Active
            a9c8789f-3f92-4def-9595-84f9707a3fd4,2026-11-02T08:00:00.000Z,Thames Valley Engineering,C00020,Station Road 141,,EH1 1YZ,Edinburgh,GB,+44 20 345 8131,info@thamesvalleyengineer.co.uk,www.thamesvalleyengineer.co.uk,Amelia Jones,GBP,0,Active
            6714a7e3-3940-4f65-a375-09b09b836040,2026-11-02T08:00:00.000Z,Hoffmann Elektrotechnik GmbH,C00030,Goethestraße 73,Suite 400,40213,Düsseldorf,DE,+49 30 584 7391,info@hoffmannelektrotechn.de,www.hoffmannelektrotechn.de,Sophie Becker,,5000,Active
            """ + "\n")
        #expect(try cli.run("import", "crm", "account", accounts).status == 0)
        #expect(try cli.run("mapping", "CUSTOMER", "--only-coupled", "false").status == 0)
        let connect = try cli.run(["connect", "erp", "business-central", emulator.baseURL.absoluteString, "--company", emulator.companyID],
                                  environment: environment)
        #expect(connect.status == 0, "\(connect.err)")

        // The batch of creates commits in Business Central; its answer is held back, and the process dies waiting.
        emulator.injectFault(.holdAfterHandling(120), method: "POST", pathContains: "$batch")
        let sync = ["sync", "--all", "--mapping", "CUSTOMER", "--direction", "from-crm"]
        let doomed = try cli.start(sync, environment: environment)
        let deadline = Date().addingTimeInterval(60)
        while emulator.customers().count < 3 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(emulator.customers().count == 3)
        kill(doomed.processIdentifier, SIGKILL)
        doomed.waitUntilExit()
        emulator.clearFaults()

        let again = try cli.run(sync, environment: environment)
        #expect(again.status == 0, "\(again.out)\(again.err)")
        #expect(emulator.customers().count == 3)
        let listed = try cli.run(["list", "accounts", "--json"], environment: environment)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 3 && rows.allSatisfy { $0["status"] as? String == "coupled" }, "\(listed.out)")
    }
}
