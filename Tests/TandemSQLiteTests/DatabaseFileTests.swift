import Foundation
import GRDB
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

@Suite struct DatabaseFileTests {
    @Test func aFileThatIsNotADatabaseIsRefusedWithItsPathAndLeftUntouched() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let workspace = try SQLiteWorkspace.create(at: folder.path)
        _ = workspace
        let garbage = "this is a spreadsheet, not a database\n"
        let path = try folder.write(SQLiteWorkspace.crmFileName, garbage)
        #expect(throws: DatabaseFileError.notADatabase(path: path)) { try SQLiteWorkspace.open(at: folder.path, access: .writing) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == garbage)
        #expect(DatabaseFileError.notADatabase(path: path).description.hasPrefix(path))
    }

    @Test func anSQLiteFileThatIsNotTandemsIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try SQLiteWorkspace.create(at: folder.path)
        let path = folder.file(SQLiteWorkspace.workspaceFileName)
        try FileManager.default.removeItem(atPath: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER)") }
        #expect(throws: DatabaseFileError.notTandem(path: path)) { try SQLiteWorkspace.open(at: folder.path, access: .writing) }
        #expect(try DatabaseQueue(path: path).read { try $0.tableExists("couplings") } == false)
    }

    /// A later Tandem's file has migrations this one does not know (GRDB's check), whatever the
    /// version it stores for people to read.
    @Test func aNewerSchemaIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try SQLiteWorkspace.create(at: folder.path)
        let path = folder.file(SQLiteWorkspace.erpFileName)
        try DatabaseQueue(path: path).write {
            try $0.execute(sql: "UPDATE tandem_meta SET value = '99' WHERE key = 'schemaVersion'")
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from a later Tandem')")
        }
        #expect(throws: DatabaseFileError.newerSchema(path: path, found: 99, supported: SideDatabase.schemaVersion)) {
            try SQLiteWorkspace.open(at: folder.path, access: .writing)
        }
    }

    @Test func aSideDatabaseInTheWrongPlaceIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try SQLiteWorkspace.create(at: folder.path)
        let crm = folder.file(SQLiteWorkspace.crmFileName)
        try FileManager.default.removeItem(atPath: crm)
        try FileManager.default.copyItem(atPath: folder.file(SQLiteWorkspace.erpFileName), toPath: crm)
        #expect(throws: DatabaseFileError.wrongKind(path: crm, found: "tandem-erp", expected: .crm)) {
            try SQLiteWorkspace.open(at: folder.path, access: .writing)
        }
    }

    @Test func creatingOverAnExistingWorkspaceIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try SQLiteWorkspace.create(at: folder.path)
        #expect(throws: DatabaseFileError.alreadyExists(path: folder.file(SQLiteWorkspace.erpFileName))) {
            try SQLiteWorkspace.create(at: folder.path)
        }
        let reopened = try SQLiteWorkspace.open(at: folder.path, access: .writing)
        #expect(try reopened.workspace.store.mappings().map(\.name) == ["CUSTOMER", "CONTACT", "SALESPEOPLE"])
    }

    @Test func aMissingWorkspaceIsNamed() {
        let path = "/nonexistent/tandem"
        #expect(throws: DatabaseFileError.missing(path: path + "/erp.sqlite")) { try SQLiteWorkspace.open(at: path, access: .reading) }
    }
}
