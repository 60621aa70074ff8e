import Foundation
import Testing
import TandemCore
import TandemPostgres
import TandemTestSupport

/// One session, several threads: a statement from another thread does not wait for a transaction in
/// progress (it sees what is committed, as another process would), and what belongs to the first
/// connection — a job lease, a session advisory lock — is taken and given back there.
@Suite struct PostgresSessionTests {
    @Test(.enabled(if: TemporaryPostgresDatabase.serverURL != nil))
    func aReadFromAnotherThreadDoesNotWaitForATransaction() throws {
        let database = try TemporaryPostgresDatabase()
        defer { database.drop() }
        let session = try PostgresSession(database.address)
        try session.query("CREATE TABLE scratch (n integer)")
        let answered = DispatchSemaphore(value: 0)
        let seen = LockedBox<Int64?>(nil)
        try session.transaction {
            try session.query("INSERT INTO scratch VALUES (1)")
            Thread {
                seen.value = try? session.query("SELECT count(*) FROM scratch").first?.decode(Int64.self)
                answered.signal()
            }.start()
            // Were the read to wait for this transaction, it would answer only after the commit.
            #expect(answered.wait(timeout: .now() + 20) == .success)
        }
        #expect(seen.value == 0)
        #expect(try session.query("SELECT count(*) FROM scratch").first?.decode(Int64.self) == 1)
    }

    @Test(.enabled(if: TemporaryPostgresDatabase.serverURL != nil))
    func aLeaseTakenWhileAnotherThreadWritesIsGivenBackOnItsOwnConnection() throws {
        let database = try TemporaryPostgresDatabase()
        defer { database.drop() }
        let session = try PostgresSession(database.address)
        let leases = PostgresJobLeases(session: session)
        let token = LockedBox<String?>(nil)
        let taken = DispatchSemaphore(value: 0)
        try session.transaction {
            try session.query("SELECT 1")
            Thread {
                token.value = try? leases.acquire()
                taken.signal()
            }.start()
            Thread.sleep(forTimeInterval: 0.3)
        }
        #expect(taken.wait(timeout: .now() + 20) == .success)
        let lease = try #require(token.value)
        #expect(leases.isHeld(lease))
        // An advisory lock can only be released by the connection that holds it.
        leases.release(lease)
        #expect(!leases.isHeld(lease))
    }
}
