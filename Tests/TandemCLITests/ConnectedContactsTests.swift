import Foundation
import Testing
import TandemEmulator
import TandemTestSupport

/// The CONTACT mapping end to end against Dataverse through the built binary: customers become
/// accounts, then contacts are created at the account their company is coupled to (bound through
/// `parentcustomerid_account`), and an edit made in Dataverse comes back to the ERP contact. On a
/// folder, and on PostgreSQL when a test server is named.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ConnectedContactsTests {
    @Test(arguments: WorkspacePlace.Store.available)
    func contactsTravelToDataverseAtTheirCompanyAndEditsComeBack(_ store: WorkspacePlace.Store) throws {
        let emulator = DataverseEmulator()
        try emulator.start()
        defer { emulator.stop() }
        emulator.acceptToken("contacts-token")
        let environment = ["TANDEM_CRM_TOKEN": "contacts-token"]
        let cli = try WorkspacePlace(store)
        defer { cli.remove() }
        #expect(try cli.run("init", "--empty", "--yes").status == 0)
        let customers = cli.file("customers.csv"), contacts = cli.file("contacts.csv")
        try "No.,Name,City\nC1,Fabrikam Oy,Turku\nC2,Contoso AB,Malmö\n".write(toFile: customers, atomically: true, encoding: .utf8)
        try """
            No.,First Name,Surname,Job Title,Company No.,E-Mail,Type
            CT1,Aino,Virtanen,Buyer,C1,aino@fabrikam.example,Person
            CT2,Björn,Ek,Owner,C2,bjorn@contoso.example,Person
            CT3,Nobody,Atall,,,,Person

            """.write(toFile: contacts, atomically: true, encoding: .utf8)
        #expect(try cli.run("import", "erp", "Customer", customers).status == 0)
        #expect(try cli.run("import", "erp", "Contact", contacts).status == 0)
        #expect(try cli.run(["connect", "crm", "dataverse", emulator.baseURL.absoluteString], environment: environment).status == 0)
        for mapping in ["CUSTOMER", "CONTACT"] {
            #expect(try cli.run("mapping", mapping, "--only-coupled", "false").status == 0)
        }
        let accounts = try cli.run(["sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm"], environment: environment)
        #expect(accounts.status == 0, "\(accounts.out)\(accounts.err)")
        let contactSync = try cli.run(["sync", "--all", "--mapping", "CONTACT", "--direction", "to-crm"], environment: environment)
        #expect(contactSync.status == 0, "\(contactSync.out)\(contactSync.err)")

        // CT3 has no company: the CONTACT mapping's filter keeps it out. The others sit at their accounts.
        let accountIDs = Dictionary(uniqueKeysWithValues: emulator.accounts().compactMap { account in
            account["name"]?.stringValue.flatMap { name in account["accountid"]?.stringValue.map { (name, $0) } }
        })
        let created = emulator.contacts()
        #expect(created.count == 2)
        let aino = try #require(created.first { $0["firstname"]?.stringValue == "Aino" })
        #expect(aino["_parentcustomerid_value"]?.stringValue == accountIDs["Fabrikam Oy"])
        #expect(aino["fullname"]?.stringValue == "Aino Virtanen" && aino["jobtitle"]?.stringValue == "Buyer")
        let bjorn = try #require(created.first { $0["firstname"]?.stringValue == "Björn" })
        #expect(bjorn["_parentcustomerid_value"]?.stringValue == accountIDs["Contoso AB"])

        // Another user edits Aino in Dataverse; the next sync from the CRM pulls it and writes the ERP.
        try emulator.editContact(id: try #require(aino["contactid"]?.stringValue), ["jobtitle": .string("Head of Purchasing")])
        let back = try cli.run(["sync", "--all", "--mapping", "CONTACT", "--direction", "from-crm"], environment: environment)
        #expect(back.status == 0, "\(back.out)\(back.err)")
        let listed = try cli.run(["list", "contacts", "--json"], environment: environment)
        #expect(listed.out.contains("Head of Purchasing"), "\(listed.out)")
    }
}
