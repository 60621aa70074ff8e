import Foundation
import GRDB
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// A workspace folder made before salespeople existed gains them on its first writing open: the side
/// files their tables and columns, the workspace file the SALESPEOPLE mapping and the customer's
/// owner field, while a change a person made to CUSTOMER stays.
@Suite struct SalespeopleUpgradeFileTests {
    @Test func anOlderWorkspaceGainsSalespeopleAndKeepsItsOwnMappingChanges() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        var customer = DefaultMappings.customer
        customer.fields.removeAll { $0.erpField == "Salesperson Code" }
        customer.dependsOn = []
        customer.fields[0].isEnabled = false
        _ = try SQLiteWorkspace.create(at: folder.path, mappings: [customer, DefaultMappings.contact])
        // Back to the files as the last version left them: no v8 step, no v5 side tables.
        try DatabaseQueue(path: folder.file(SQLiteWorkspace.workspaceFileName)).write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v8:%'")
        }
        try DatabaseQueue(path: folder.file(SQLiteWorkspace.erpFileName)).write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v5:%'")
            try db.execute(sql: #"DROP TABLE "Salesperson""#)
            try db.execute(sql: #"ALTER TABLE "Customer" DROP COLUMN "Salesperson Code""#)
            // A replica pulled before: its next pull must read every customer again to fill the column.
            try db.execute(sql: #"INSERT INTO pull_state ("table", cursor) VALUES ('Customer', '2026-12-01T08:00:00.000Z')"#)
        }

        let opened = try SQLiteWorkspace.open(at: folder.path, access: .writing)
        let mappings = try opened.workspace.store.mappings()
        #expect(mappings.map(\.name) == ["CUSTOMER", "CONTACT", "SALESPEOPLE"])
        #expect(mappings[2] == DefaultMappings.salespeople)
        #expect(mappings[0].dependsOn == ["SALESPEOPLE"] && mappings[0].fields[0].isEnabled == false)
        #expect(mappings[0].fields.last?.lookupMapping == "SALESPEOPLE")
        #expect(try opened.table("Salesperson", on: .erp).count(search: nil) == 0)
        let columns = try DatabaseQueue(path: folder.file(SQLiteWorkspace.erpFileName)).read { try $0.columns(in: "Customer").map(\.name) }
        #expect(columns.last == "Salesperson Code")
        #expect(try opened.replica("Customer", on: .erp).pullState().cursor == nil)
    }
}
