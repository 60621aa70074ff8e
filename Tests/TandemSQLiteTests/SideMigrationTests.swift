import Foundation
import GRDB
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// The side databases' migrations are frozen SQL. The tables they create must still be the tables the
/// standard schemas describe: a field added to a schema without a migration that adds its column fails
/// here, not in a customer's workspace.
@Suite struct SideMigrationTests {
    @Test(arguments: Side.allCases)
    func theMigratedTablesHaveEveryColumnAndIndexOfTheirSchema(_ side: Side) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try SQLiteWorkspace.create(at: folder.path)
        let path = folder.file(side == .erp ? SQLiteWorkspace.erpFileName : SQLiteWorkspace.crmFileName)
        var configuration = Configuration()
        configuration.readonly = true
        try DatabaseQueue(path: path, configuration: configuration).read { db in
            for schema in StandardTables.tables(on: side) {
                let columns = try db.columns(in: schema.name).map(\.name)
                #expect(columns == ["id", "modifiedAt", "sort_key"] + schema.fieldNames, "\(schema.name)")
                let indexes = Set(try db.indexes(on: schema.name).map(\.name))
                var expected: Set<String> = ["\(schema.name)_by_name"]
                if schema.numberField != nil { expected.insert("\(schema.name)_by_number") }
                #expect(expected.isSubset(of: indexes), "\(schema.name): \(indexes)")
            }
        }
    }

    /// An ERP file made before contacts had a type (v1 and v2 only, a contact in it) gains the column on
    /// a writing open, its contacts read as persons — inside the CONTACT mapping's filter, as before —
    /// and the file records the new schema version.
    @Test func anOlderERPFileGainsTheContactTypeAndItsContactsArePersons() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try SQLiteWorkspace.create(at: folder.path)
        let path = folder.file(SQLiteWorkspace.erpFileName)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        let id = RecordID.generate()
        var walMode = Configuration()
        walMode.journalMode = .wal
        let old = try DatabaseQueue(path: path, configuration: walMode)
        try old.write { db in
            try db.execute(sql: "CREATE TABLE tandem_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO tandem_meta (key, value) VALUES ('kind', 'tandem-erp'), ('schemaVersion', '2')")
        }
        try SideDatabase.migrator(for: .erp).migrate(old, upTo: "v2: erp records by version")
        try old.write { db in
            #expect(try !db.columns(in: "Contact").map(\.name).contains("Type"))
            try db.execute(sql: """
                INSERT INTO "Contact" (id, modifiedAt, sort_key, "No.", "Name", "First Name", "Surname", "Company No.")
                VALUES (?, 0, 'ana silva', 'CT1', 'Ana Silva', 'Ana', 'Silva', 'C1')
                """, arguments: [id.rawValue])
        }
        try old.close()

        let opened = try SQLiteWorkspace.open(at: folder.path, access: .writing)
        let contact = try #require(try opened.table("Contact", on: .erp).record(id: id))
        #expect(contact["Type"] == "Person")
        #expect(contact["Name"] == "Ana Silva")
        #expect(DefaultMappings.contact.erpFilter.admits(contact))
        let version = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM tandem_meta WHERE key = 'schemaVersion'")
        }
        #expect(version == String(SideDatabase.schemaVersion))
    }
}
