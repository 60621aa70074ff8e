import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// "Synchronize modified records" shared by several workers (`tandem watch`) on every storage
/// implementation: pairs are claimed so a live worker's pairs are left to it, a dead worker's are
/// taken over, and the sync marks never pass a pair that was left to someone else.
@Suite struct SharedModifiedSyncContractTests {
    typealias Scenario = ModifiedSyncContractTests.Scenario

    @Test(arguments: Backend.allCases)
    func aPairIsClaimedByOneHolderUntilItLetsGoOrDies(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        let e1 = RecordID("e1"), e2 = RecordID("e2"), e3 = RecordID("e3")
        let alive: (String) -> Bool = { _ in true }, dead: (String) -> Bool = { _ in false }
        #expect(try store.claimPairs(mapping: "CUSTOMER", erpIDs: [e1, e2], holder: "a", isLive: alive) == [e1, e2])
        // Another holder gets only what nobody holds; the same pair in another mapping is another pair.
        #expect(try store.claimPairs(mapping: "CUSTOMER", erpIDs: [e2, e3], holder: "b", isLive: alive) == [e3])
        #expect(try store.claimPairs(mapping: "CONTACT", erpIDs: [e2], holder: "b", isLive: alive) == [e2])
        // A holder asking again keeps what it has.
        #expect(try store.claimPairs(mapping: "CUSTOMER", erpIDs: [e1, e3], holder: "a", isLive: alive) == [e1])
        // A holder whose process died loses its pairs to the next one who asks.
        #expect(try store.claimPairs(mapping: "CUSTOMER", erpIDs: [e1, e2, e3], holder: "b", isLive: dead) == [e1, e2, e3])
        #expect(try store.claimPairs(mapping: "CUSTOMER", erpIDs: [e1], holder: "a", isLive: alive).isEmpty)
        try store.releasePairs(holder: "b")
        #expect(try store.claimPairs(mapping: "CUSTOMER", erpIDs: [e1, e2, e3], holder: "a", isLive: alive) == [e1, e2, e3])
        #expect(try store.claimPairs(mapping: "CONTACT", erpIDs: [e2], holder: "a", isLive: alive) == [e2])
    }

    @Test(arguments: Backend.allCases)
    func aSharedRunMergesTheModifiedPairsAsOneJobAndLetsGoOfItsClaims(_ backend: Backend) throws {
        let scenario = try Scenario(backend)
        defer { scenario.made.cleanUp() }
        let workspace = scenario.made.workspace
        let result = try #require(try scenario.engine.synchronizeModifiedShared(mapping: "CUSTOMER", choice: .merge))
        // C1 and C3 changed in the ERP, C2 in the CRM: merged; C7 was never synchronized and differs: refused.
        #expect(result.job.counters.modified == 3 && result.job.counters.skipped == 1)
        #expect(result.problems.map(\.erpID) == [try scenario.id("C7")])
        let accounts = try workspace.table("account", on: .crm)
        #expect(try accounts.record(id: scenario.account(of: "C1"))?.fields["address1_city"] == "Paris")
        #expect(try scenario.made.customers().record(id: scenario.id("C2"))?.fields["Home Page"] == "https://example.com/2")
        // Its claims went with its end: another holder gets every pair.
        let ids = try ["C1", "C2", "C3", "C7"].map(scenario.id)
        #expect(try workspace.store.claimPairs(mapping: "CUSTOMER", erpIDs: ids, holder: "next", isLive: { _ in true }) == ids)
    }

    @Test(arguments: Backend.allCases)
    func aRunWithNothingToDoWritesNoJobAndMovesTheMarks(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        made.clock.advance(milliseconds: 120_000)
        #expect(try SyncEngine(workspace: made.workspace).synchronizeModifiedShared(mapping: "CUSTOMER", choice: .merge) == nil)
        #expect(try made.workspace.store.jobs(limit: 5).isEmpty)
        #expect(try made.workspace.store.syncMark(mapping: "CUSTOMER", side: .erp) != nil)
    }

    @Test(arguments: Backend.allCases)
    func aWorkerThatFindsEveryPairHeldByAnotherWritesNoJob(_ backend: Backend) throws {
        let scenario = try Scenario(backend)
        defer { scenario.made.cleanUp() }
        let workspace = scenario.made.workspace
        let other = try workspace.leases.acquire()
        let ids = try ["C1", "C2", "C3", "C7"].map(scenario.id)
        #expect(try workspace.store.claimPairs(mapping: "CUSTOMER", erpIDs: ids, holder: other, isLive: workspace.leases.isHeld) == ids)
        let jobs = try workspace.store.jobs(limit: 100).count
        #expect(try scenario.engine.synchronizeModifiedShared(mapping: "CUSTOMER", choice: .merge) == nil)
        #expect(try workspace.store.jobs(limit: 100).count == jobs)
        // Its marks stay below every pair it left, so the next run still finds them all.
        workspace.leases.release(other)
        let next = try #require(try scenario.engine.synchronizeModifiedShared(mapping: "CUSTOMER", choice: .merge))
        #expect(next.selected == 4 && next.job.counters.modified == 3)
    }

    @Test(arguments: Backend.allCases)
    func pairsALiveWorkerHoldsAreLeftToItAndTakenOverWhenItDies(_ backend: Backend) throws {
        let scenario = try Scenario(backend)
        defer { scenario.made.cleanUp() }
        let workspace = scenario.made.workspace, store = workspace.store
        let other = try workspace.leases.acquire()
        let c1 = try scenario.id("C1")
        #expect(try store.claimPairs(mapping: "CUSTOMER", erpIDs: [c1], holder: other, isLive: workspace.leases.isHeld) == [c1])
        let first = try #require(try scenario.engine.synchronizeModifiedShared(mapping: "CUSTOMER", choice: .merge))
        #expect(first.job.counters.modified == 2)  // C2 and C3; C1 is the other worker's
        let accounts = try workspace.table("account", on: .crm)
        #expect(try accounts.record(id: scenario.account(of: "C1"))?.fields["address1_city"] == "Berlin")
        // The marks stay below the pair left to the other worker, so the next run finds it again.
        let version1 = try #require(try scenario.made.customers().record(id: c1)?.modifiedAt)
        #expect(try #require(try store.syncMark(mapping: "CUSTOMER", side: .erp)) < version1)
        // While the other worker lives, C1 stays its own; once it is gone, C1 is taken over.
        let second = try #require(try scenario.engine.synchronizeModifiedShared(mapping: "CUSTOMER", choice: .merge))
        #expect(second.job.counters.modified == 0)
        workspace.leases.release(other)
        let third = try #require(try scenario.engine.synchronizeModifiedShared(mapping: "CUSTOMER", choice: .merge))
        #expect(third.job.counters.modified == 1)
        #expect(try accounts.record(id: scenario.account(of: "C1"))?.fields["address1_city"] == "Paris")
    }
}
