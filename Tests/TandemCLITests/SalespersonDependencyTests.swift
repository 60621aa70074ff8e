import Foundation
import Testing

/// The same way out for a customer's salesperson: the sync names the code, and with the flag the
/// salesperson is coupled to the CRM user with the same e-mail, so the account's owner is sent.
@Suite struct SalespersonDependencyTests {
    @Test func aSalespersonNobodyCoupledIsCoupledByEmailAndBecomesTheOwner() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let plain = try cli.run("sync", "C00500", "C00520", "--direction", "to-crm")
        #expect(plain.status == 1)
        #expect(plain.err.contains("Salesperson Code \"LM\" refers to a record that is not coupled"), "\(plain.err)")
        #expect(plain.err.contains("--couple-dependencies couples it by match."))

        let sync = try cli.run("sync", "C00500", "C00520", "--direction", "to-crm", "--couple-dependencies")
        #expect(sync.err.contains("coupled 1 of the 2 SALESPEOPLE records it refers to by match"), "\(sync.err)")
        // C00500 failed twice and was marked skipped; coupling Lucía lifts that mark. C00520's
        // salesperson has no user to couple, so it stays skipped.
        #expect(sync.out.contains("Synchronized 1 of 2 records. 1 was skipped."), "\(sync.out)")
        #expect(sync.err.contains("C00520") && sync.err.contains("marked as skipped"), "\(sync.err)")
        let customer = try #require(try cli.json("show", "C00500") as? [String: Any])
        let coupling = try #require(customer["coupling"] as? [String: Any])
        let accountID = try #require(coupling["crmId"] as? String)
        let account = try #require(try cli.json("show", accountID) as? [String: Any])
        let fields = try #require(account["fields"] as? [String: Any])
        #expect(fields["ownerid"] as? String == "5f0c2a71-3b8e-4d52-9a61-0c7e2f9b1a03")

        // Users come to the ERP as salespeople; nothing goes the other way, and every mapping that
        // sends to the CRM passes SALESPEOPLE by.
        let users = try cli.run("sync", "--all", "--mapping", "SALESPEOPLE", "--direction", "from-crm", "--force")
        #expect(users.status == 0 && users.out.contains("SALESPEOPLE: Synchronized 3 of 3 records."), "\(users.out)\(users.err)")
        let toCRM = try cli.run("sync", "--all", "--mapping", "SALESPEOPLE", "--direction", "to-crm")
        #expect(toCRM.status != 0 && toCRM.err.contains("The SALESPEOPLE mapping does not synchronize"), "\(toCRM.err)")
        let every = try cli.run("sync", "--all", "--direction", "to-crm")
        #expect(!every.out.contains("SALESPEOPLE"), "\(every.out)")
    }
}
