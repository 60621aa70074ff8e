import Foundation
import GRDB
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// Bad values in a workspace's files are reported with file, table, row and column; nothing traps.
@Suite struct StoredDataTests {
    /// A sample workspace whose file `name` was changed by `damage` behind Tandem's back.
    func damaged(_ name: String, access: AccessMode = .reading,
                 _ damage: (Database) throws -> Void) throws -> (TemporaryFolder, SQLiteWorkspace, String) {
        let folder = TemporaryFolder()
        _ = try SampleDataLoader.load(from: sampleDataFolder(), into: folder.path)
        let path = folder.file(name)
        try DatabaseQueue(path: path).write(damage)
        return (folder, try SQLiteWorkspace.open(at: folder.path, access: access), path)
    }

    func firstID(_ table: String, in path: String) throws -> String {
        try #require(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT id FROM \(table) ORDER BY id") })
    }

    @Test(arguments: [("'abc'", "the text \"abc\""), ("1.5", "the real number 1.5"), ("X'01'", "a blob of 1 bytes")])
    func aModifiedAtThatIsNotAnIntegerNamesFileTableRowAndColumn(value: String, found: String) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try SampleDataLoader.load(from: sampleDataFolder(), into: folder.path)
        let path = folder.file(SQLiteWorkspace.erpFileName)
        let id = try firstID("Customer", in: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE Customer SET modifiedAt = \(value) WHERE id = ?", arguments: [id]) }
        let customers = try SQLiteWorkspace.open(at: folder.path, access: .reading).table("Customer", on: .erp)
        let expected = StoredDataError.badValue(path: path, table: "Customer", row: id, column: "modifiedAt", found: found)
        #expect(throws: expected) { try customers.scan(after: nil, limit: 1000) }
        #expect(throws: expected) { try customers.records(ids: [RecordID(id)]) }
        #expect(throws: expected) { try customers.scan(after: nil, limit: 1000, fields: ["Name"]) }
        #expect(expected.description.contains(path) && expected.description.contains("row \(id), column modifiedAt"))
    }

    @Test func aFieldThatIsNotTextIsNamed() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try SampleDataLoader.load(from: sampleDataFolder(), into: folder.path)
        let path = folder.file(SQLiteWorkspace.crmFileName)
        let id = try firstID("account", in: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE account SET address1_city = X'00ff' WHERE id = ?", arguments: [id]) }
        let accounts = try SQLiteWorkspace.open(at: folder.path, access: .reading).table("account", on: .crm)
        #expect(throws: StoredDataError.badValue(path: path, table: "account", row: id, column: "address1_city",
                                                 found: "a blob of 2 bytes")) { try accounts.records(ids: [RecordID(id)]) }
    }

    @Test func anUndecodableSnapshotNamesTheCoupling() throws {
        let (folder, opened, path) = try damaged(SQLiteWorkspace.workspaceFileName) { db in
            try db.execute(sql: "UPDATE couplings SET snapshot = '5:abc' WHERE erp_id = (SELECT MIN(erp_id) FROM couplings)")
        }
        defer { folder.remove() }
        let erpID = try #require(try DatabaseQueue(path: path).read {
            try String.fetchOne($0, sql: "SELECT erp_id FROM couplings WHERE snapshot = '5:abc'")
        })
        #expect(throws: StoredDataError.badValue(path: path, table: "couplings", row: "CUSTOMER/\(erpID)", column: "snapshot",
                                                 found: "the text \"5:abc\"")) {
            try opened.workspace.store.couplings(mapping: "CUSTOMER", after: nil, limit: 10_000)
        }
    }

    @Test func aNullOrWrongTypedCouplingColumnIsNamed() throws {
        let (folder, opened, path) = try damaged(SQLiteWorkspace.workspaceFileName) { db in
            try db.execute(sql: "UPDATE couplings SET to_crm_ok = 7, to_crm_job = 1, to_crm_at = 1")
        }
        defer { folder.remove() }
        let error = #expect(throws: StoredDataError.self) {
            try opened.workspace.store.couplings(mapping: "CUSTOMER", after: nil, limit: 10)
        }
        guard case .badValue(path, "couplings", _, "to_crm_ok", "the integer 7") = error else {
            Issue.record("unexpected: \(String(describing: error))")
            return
        }
    }

    /// An intent to create a record checks inside the write whether its source is coupled already, reading
    /// that pair's ids: one that is not text is named, not trapped on, and nothing is written. (Created on
    /// the CRM side, the pair is found by its ERP id and its CRM id is read; on the ERP side, the reverse.)
    @Test(arguments: [(Side.crm, "crm_id"), (Side.erp, "erp_id")])
    func aCouplingIDThatIsNotTextIsNamedWhenAnIntentMeetsIt(side: Side, column: String) throws {
        let source = column == "crm_id" ? "erp_id" : "crm_id"
        let (folder, opened, path) = try damaged(SQLiteWorkspace.workspaceFileName, access: .writing) { db in
            try db.execute(sql: """
                UPDATE couplings SET \(column) = X'ff'
                WHERE mapping = 'CUSTOMER' AND erp_id = (SELECT MIN(erp_id) FROM couplings WHERE mapping = 'CUSTOMER')
                """)
        }
        defer { folder.remove() }
        let sourceID = try #require(try DatabaseQueue(path: path).read {
            try String.fetchOne($0, sql: "SELECT \(source) FROM couplings WHERE \(column) = X'ff'")
        })
        var changes = WorkspaceChanges(jobID: 1)
        changes.couplings = [.intend(CreationIntent(newID: .generate(), mapping: "CUSTOMER", side: side, sourceID: RecordID(sourceID),
                                                    jobID: 1), replacing: nil)]
        let row = "CUSTOMER/" + (column == "crm_id" ? sourceID : "a blob of 1 bytes")
        #expect(throws: StoredDataError.badValue(path: path, table: "couplings", row: row, column: column,
                                                 found: "a blob of 1 bytes")) { try opened.workspace.store.commit(changes) }
        #expect(try opened.workspace.store.creationIntents(mapping: "CUSTOMER").isEmpty)
    }

    @Test func unknownJobTypesSidesAndBadFieldListsAreNamed() throws {
        let (folder, opened, path) = try damaged(SQLiteWorkspace.workspaceFileName) { db in
            try db.execute(sql: """
                INSERT INTO jobs (id, type, mapping, started_at) VALUES (1, 'teleport', 'CUSTOMER', 0), (2, 'undo', 'CUSTOMER', 0);
                INSERT INTO job_errors (id, job_id, at, message, source_side) VALUES (5, 2, 0, 'x', 'middle');
                INSERT INTO record_changes (id, job_id, side, table_name, record_id, modified_at_after, created, fields)
                    VALUES (6, 2, 'erp', 'Customer', 'a', 0, 0, '3:ab');
                INSERT INTO creation_intents (new_id, mapping, side, source_id, job_id) VALUES ('n', 'CUSTOMER', 'moon', 's', 2);
                INSERT INTO mappings (name, position, definition) VALUES ('BROKEN', 99, '{not json');
                """)
        }
        defer { folder.remove() }
        let store = opened.workspace.store
        #expect(throws: StoredDataError.badValue(path: path, table: "jobs", row: "1", column: "type", found: "the text \"teleport\"")) {
            try store.jobs(limit: 10)
        }
        #expect(throws: StoredDataError.badValue(path: path, table: "jobs", row: "1", column: "type", found: "the text \"teleport\"")) {
            try store.job(1)
        }
        #expect(throws: StoredDataError.badValue(path: path, table: "job_errors", row: "5", column: "source_side",
                                                 found: "the text \"middle\"")) { try store.jobErrors(2) }
        #expect(throws: StoredDataError.badValue(path: path, table: "record_changes", row: "6", column: "fields",
                                                 found: "the text \"3:ab\"")) { try store.recordChanges(2) }
        #expect(throws: StoredDataError.badValue(path: path, table: "creation_intents", row: "n", column: "side",
                                                 found: "the text \"moon\"")) { try store.creationIntents(mapping: "CUSTOMER") }
        #expect(throws: StoredDataError.badValue(path: path, table: "mappings", row: "BROKEN", column: "definition",
                                                 found: "the text \"{not json\"")) { try store.mappings() }
    }
}
