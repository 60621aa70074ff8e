import Foundation
import Testing
import TandemCore
import TandemPostgres
import TandemTestSupport

/// The same upgrade on a shared workspace: a PostgreSQL database at schema 4 gains the tables, the
/// columns and the mappings once, in the migration's transaction.
@Suite struct SalespeopleUpgradePostgresTests {
    @Test(.enabled(if: TemporaryPostgresDatabase.serverURL != nil))
    func aVersionFourDatabaseGainsSalespeopleAndKeepsItsOwnMappingChanges() throws {
        let database = try TemporaryPostgresDatabase()
        defer { database.drop() }
        var customer = DefaultMappings.customer
        customer.fields.removeAll { $0.erpField == "Salesperson Code" }
        customer.dependsOn = []
        customer.fields[0].isEnabled = false
        _ = try PostgresWorkspace.open(database.address, mappings: [customer, DefaultMappings.contact])
        // Back to the database as version 4 left it.
        let session = try PostgresSession(database.address)
        for statement in [#"DROP TABLE tandem_erp."Salesperson""#, #"DROP TABLE tandem_crm."systemuser""#,
                          #"ALTER TABLE tandem_erp."Customer" DROP COLUMN "Salesperson Code""#,
                          #"ALTER TABLE tandem_crm."account" DROP COLUMN "ownerid""#,
                          #"INSERT INTO tandem_crm.pull_state ("table", cursor) VALUES ('account', 'https://example/delta')"#,
                          "UPDATE tandem.schema_version SET version = 4"] {
            try session.query(statement)
        }

        let opened = try PostgresWorkspace.open(database.address)
        let mappings = try opened.workspace.store.mappings()
        #expect(mappings.map(\.name) == ["CUSTOMER", "CONTACT", "SALESPEOPLE"])
        #expect(mappings[0].dependsOn == ["SALESPEOPLE"] && mappings[0].fields[0].isEnabled == false)
        #expect(mappings[0].fields.last?.lookupMapping == "SALESPEOPLE")
        #expect(try opened.crmTables["systemuser"]?.count(search: nil) == 0)
        #expect(try session.query("SELECT version FROM tandem.schema_version").first?.decode(Int64.self) == 5)
        #expect(try opened.replica("account", on: .crm).pullState().cursor == nil)
    }
}
