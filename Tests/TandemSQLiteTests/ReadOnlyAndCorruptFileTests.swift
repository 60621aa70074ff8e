import Foundation
import GRDB
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// Opening never writes when the schema is current; reading opens read-only; a file found corrupt
/// is named and never written to.
@Suite struct ReadOnlyAndCorruptFileTests {
    func generated(customers: Int = 300) throws -> (TemporaryFolder, [String]) {
        let folder = TemporaryFolder()
        var generator = WorkspaceGenerator(customers: customers)
        generator.contacts = 50
        _ = try generator.generate(into: folder.path)
        let files = [SQLiteWorkspace.erpFileName, SQLiteWorkspace.crmFileName, SQLiteWorkspace.workspaceFileName].map(folder.file)
        return (folder, files)
    }

    @Test func readingOpensReadOnlyAndWritesNothing() throws {
        let (folder, files) = try generated()
        defer { folder.remove() }
        let before = FileState.of(files)
        let opened = try SQLiteWorkspace.open(at: folder.path, access: .reading)
        let customers = try opened.table("Customer", on: .erp)
        let first = try #require(try customers.page(search: nil, from: .first, limit: 50).first)
        _ = try opened.workspace.store.couplings(mapping: "CUSTOMER", after: nil, limit: 1000)
        _ = try opened.workspace.store.jobs(limit: 10)
        // A write through a reading workspace is refused by SQLite itself (SQLITE_OPEN_READONLY), naming the file.
        #expect(throws: DatabaseFileError.readOnly(path: files[0])) {
            try customers.apply([.update(id: first.id, fields: ["City": "Nowhere"], expected: first.modifiedAt)])
        }
        #expect(throws: DatabaseFileError.readOnly(path: files[2])) {
            try opened.workspace.store.save(try #require(opened.workspace.store.mappings().first))
        }
        #expect(FileState.of(files) == before)
    }

    @Test func openingForWritingWritesNothingUntilSomethingIsWritten() throws {
        let (folder, files) = try generated()
        defer { folder.remove() }
        let before = FileState.of(files)
        do {
            let opened = try SQLiteWorkspace.open(at: folder.path, access: .writing)
            _ = try opened.table("Customer", on: .erp).scan(after: nil, limit: 1000)
            _ = try opened.workspace.store.couplings(mapping: "CUSTOMER", after: nil, limit: 1000)
        }
        #expect(FileState.of(files) == before)
    }

    @Test func anOlderSchemaIsUpgradedOnlyByAWritingOpen() throws {
        let (folder, files) = try generated(customers: 5)
        defer { folder.remove() }
        try DatabaseQueue(path: files[1]).write {
            try $0.execute(sql: "UPDATE tandem_meta SET value = '0' WHERE key = 'schemaVersion'")
        }
        let before = FileState.of(files)
        #expect(throws: DatabaseFileError.olderSchema(path: files[1], found: 0, supported: SideDatabase.schemaVersion)) {
            try SQLiteWorkspace.open(at: folder.path, access: .reading)
        }
        #expect(FileState.of(files) == before)
        _ = try SQLiteWorkspace.open(at: folder.path, access: .writing)
        _ = try SQLiteWorkspace.open(at: folder.path, access: .reading)
    }

    /// Overwrites a leaf page of the Customer table in the middle of the file with garbage.
    func corruptMiddleCustomerPage(_ path: String) throws {
        let (page, size) = try DatabaseQueue(path: path).read { db -> (Int, Int) in
            let pages = try Int.fetchAll(db, sql: "SELECT pageno FROM dbstat WHERE name = 'Customer' AND pagetype = 'leaf' ORDER BY pageno")
            return (pages[pages.count / 2], try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096)
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64((page - 1) * size))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: size))
        try handle.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func aCorruptFileIsNamedAndNeverWrittenAfterward() throws {
        let (folder, files) = try generated()
        defer { folder.remove() }
        try corruptMiddleCustomerPage(files[0])
        let before = FileState(files[0])
        do {
            let opened = try SQLiteWorkspace.open(at: folder.path, access: .writing)
            let customers = try opened.table("Customer", on: .erp)
            let first = try #require(try customers.page(search: nil, from: .first, limit: 1).first)
            let error = #expect(throws: DatabaseFileError.self) { try customers.scan(after: nil, limit: 100_000) }
            guard case .corrupt(files[0], _) = error else {
                Issue.record("unexpected: \(String(describing: error))")
                return
            }
            #expect(error?.description.hasPrefix(files[0]) == true)
            // A record on a healthy page could be written; it is not, because the file was found corrupt.
            let refused = #expect(throws: DatabaseFileError.self) {
                try customers.apply([.update(id: first.id, fields: ["City": "Elsewhere"], expected: first.modifiedAt)])
            }
            guard case .corrupt(files[0], _) = refused else {
                Issue.record("unexpected: \(String(describing: refused))")
                return
            }
        }
        #expect(FileState(files[0]) == before)
    }
}
