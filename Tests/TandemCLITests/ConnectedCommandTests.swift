import Foundation
import Testing
import TandemEmulator

/// The command line on a workspace whose ERP lives in Business Central (the emulator, over real
/// HTTP, reached by the built binary with client credentials from the environment).
@Suite(.serialized, .timeLimit(.minutes(2))) struct ConnectedCommandTests {
    @Test func syncPullsTheConnectedSideFirstSoAnEditMadeInBusinessCentralReachesTheCRM() throws {
        let emulator = BusinessCentralEmulator()
        try emulator.start()
        defer { emulator.stop() }
        emulator.seedCustomers(count: 2)
        let cli = CLIHarness()
        defer { cli.folder.remove() }
        let environment = ["TANDEM_ERP_TENANT_ID": emulator.tenant, "TANDEM_ERP_CLIENT_ID": "tandem-client",
                           "TANDEM_ERP_CLIENT_SECRET": "tandem-secret", "TANDEM_AUTHORITY_URL": emulator.authorityURL.absoluteString]
        #expect(try cli.run("init", "--empty").status == 0)
        let connect = try cli.run(["connect", "erp", "business-central", emulator.baseURL.absoluteString, "--company", emulator.companyID],
                                  environment: environment)
        #expect(connect.status == 0, "\(connect.err)")
        #expect(!connect.out.contains("tandem-secret") && !connect.err.contains("tandem-secret"))
        let pull = try cli.run(["pull"], environment: environment)
        #expect(pull.status == 0 && pull.out.contains("2 new"), "\(pull.out)\(pull.err)")
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
    }
}
