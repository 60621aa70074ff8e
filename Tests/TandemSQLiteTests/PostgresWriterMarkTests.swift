import Foundation
import Testing
import TandemCore
import TandemPostgres
import TandemTestSupport

/// On a shared database a writer may hold records uncommitted for longer than the sync marks'
/// margin (a slow link, a large batch): a pass over every pair never earns a mark past the start of
/// a transaction still writing, whose records would otherwise be missed by every modified run after.
@Suite struct PostgresWriterMarkTests {
    @Test(.enabled(if: TemporaryPostgresDatabase.serverURL != nil))
    func aPassNeverMarksPastTheStartOfAWriterStillOpen() throws {
        let database = try TemporaryPostgresDatabase()
        defer { database.drop() }
        let opened = try PostgresWorkspace.open(database.address)
        let writer = try PostgresSession(database.address)
        try writer.query("BEGIN")
        let started = try #require(try writer.query("SELECT txid_current(), (extract(epoch FROM now()) * 1000)::bigint").first)
            .decode((Int64, Int64).self).1
        // Longer than the margin a pass keeps behind its start, so only the writer's start holds the mark back.
        Thread.sleep(forTimeInterval: 16)
        #expect(try opened.workspace.store.oldestOpenWriteStart()?.milliseconds == started)
        _ = try SyncEngine(workspace: opened.workspace).synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        let mark = try #require(try opened.workspace.store.syncMark(mapping: "CUSTOMER", side: .erp))
        #expect(mark.milliseconds < started)
        try writer.query("COMMIT")
        #expect(try opened.workspace.store.oldestOpenWriteStart() == nil)
        // Time is the server's: the job began after the writer did, by the same clock.
        let job = try #require(try opened.workspace.store.jobs(limit: 1).first)
        #expect(job.startedAt.milliseconds >= started)
    }
}
