import Foundation
import Testing
import TandemConnectors
import TandemCore
import TandemSQLite

/// Pulls bring a remote table into its replica page by page, resume where they were cut off, move the
/// cursor only at the end, and leave unchanged records at their version.
@Suite struct ReplicaPullTests {
    @Test(arguments: ReplicaStore.available)
    func aFullPullFillsTheReplicaThroughEveryPageAndStoresTheCursor(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(2_500)
        let report = try fixture.puller(pageSize: 1000).pull()
        #expect(report.full && report.pages == 3 && report.changes.inserted == 2_500)
        #expect(try fixture.replica.records.count(search: nil) == 2_500)
        let state = try fixture.replica.pullState()
        #expect(state.cursor != nil && state.nextLink == nil && state.recordsPulled == 2_500)
        let links = try fixture.replica.links(ids: [RecordID(ids[0])])
        #expect(links[RecordID(ids[0])]?.etag == fixture.service.record(ids[0])?.etag)
        #expect(try fixture.replica.records.record(id: RecordID(ids[7]))?["name"] == "Account 00008")
    }

    @Test(arguments: ReplicaStore.available)
    func anIncrementalPullChangesOnlyWhatChangedAndAddsAndDeletes(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(300)
        try fixture.puller().pull()
        let before = try fixture.replica.records.recordsByID(ids.map { RecordID($0) })
        fixture.service.edit(ids[5], ["address1_city": "Paris"])
        fixture.service.deleteAsAnotherUser(ids[6])
        let added = UUID().uuidString.lowercased()
        fixture.service.edit(added, ["name": "Newcomer"])
        let report = try fixture.puller().pull()
        #expect(!report.full)
        #expect(report.changes == ReplicaChanges(inserted: 1, changed: 1, unchanged: 0, deleted: 1))
        let after = try fixture.replica.records.recordsByID(ids.map { RecordID($0) })
        #expect(after[RecordID(ids[5])]?["address1_city"] == "Paris")
        #expect(after[RecordID(ids[5])]!.modifiedAt > before[RecordID(ids[5])]!.modifiedAt)
        #expect(after[RecordID(ids[6])] == nil)
        #expect(after[RecordID(ids[7])]?.modifiedAt == before[RecordID(ids[7])]?.modifiedAt)
        #expect(try fixture.replica.records.record(id: RecordID(added))?["name"] == "Newcomer")
    }

    /// A page is stored as a set on PostgreSQL: a record the service lists twice (a delta read may)
    /// ends stored once, with the values and ETag of its last row, as storing the rows in turn would.
    @Test(arguments: ReplicaStore.available)
    func aRecordListedTwiceInOnePageIsStoredOnceWithItsLastValues(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let id = UUID().uuidString.lowercased()
        let rows = [PulledRow(remoteID: id, etag: "W/\"1\"", fields: ["name": "Early Name", "address1_city": "Lyon"]),
                    PulledRow(remoteID: UUID().uuidString.lowercased(), etag: "W/\"2\"", fields: ["name": "Other", "address1_city": "Porto"]),
                    PulledRow(remoteID: id.uppercased(), etag: "W/\"3\"", fields: ["name": "Late Name", "address1_city": "Gent"])]
        try fixture.replica.store(page: rows, fields: fixture.carried, deletedRemoteIDs: [], state: nil)
        #expect(try fixture.replica.records.count(search: nil) == 2)
        let stored = try #require(try fixture.replica.records.record(id: RecordID(id)))
        #expect(stored["name"] == "Late Name" && stored["address1_city"] == "Gent")
        #expect(try fixture.replica.records.records(named: "Late Name", prefix: false, limit: 5).count == 1)
        #expect(try fixture.replica.links(ids: [RecordID(id)])[RecordID(id)]?.etag == "W/\"3\"")
    }

    @Test(arguments: ReplicaStore.available)
    func aNewETagWithTheSameValuesKeepsTheRecordsVersion(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(3)
        try fixture.puller().pull()
        let before = try #require(try fixture.replica.records.record(id: RecordID(ids[0])))
        fixture.service.edit(ids[0], [:])   // another user saved it unchanged (or changed a field Tandem does not map)
        let report = try fixture.puller().pull()
        #expect(report.changes.unchanged == 1 && report.changes.changed == 0)
        #expect(try fixture.replica.records.record(id: RecordID(ids[0]))?.modifiedAt == before.modifiedAt)
        #expect(try fixture.replica.links(ids: [RecordID(ids[0])])[RecordID(ids[0])]?.etag == fixture.service.record(ids[0])?.etag)
    }

    @Test(arguments: ReplicaStore.available)
    func aPullCutOffHalfWayResumesAtTheNextPageAndTheCursorWaitsForTheEnd(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        fixture.seed(2_500)
        fixture.service.failPageRequest = 3
        #expect(throws: ConnectorError.self) { try fixture.puller(pageSize: 1000).pull() }
        let cut = try fixture.replica.pullState()
        #expect(cut.cursor == nil && cut.nextLink != nil && cut.pullStartedFull)
        #expect(try fixture.replica.records.count(search: nil) == 2_000)
        let served = fixture.service.pagesServed.count
        let report = try fixture.puller(pageSize: 1000).pull()
        #expect(report.resumed && report.full && report.pages == 1)
        #expect(fixture.service.pagesServed.count == served + 1)
        #expect(try fixture.replica.records.count(search: nil) == 2_500)
        #expect(try fixture.replica.pullState().cursor != nil)
    }

    @Test(arguments: ReplicaStore.available)
    func anExpiredCursorMeansAFullPullThatAlsoSweepsWhatVanished(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(10)
        try fixture.puller().pull()
        fixture.service.deleteAsAnotherUser(ids[0])
        fixture.service.forgetCursorsBefore = Int.max
        let report = try fixture.puller().pull()
        #expect(report.full && report.changes.deleted == 1)
        #expect(try fixture.replica.records.count(search: nil) == 9)
    }

    @Test(arguments: ReplicaStore.available)
    func theDeletionScanNeverRemovesARecordCreatedWhileItRan(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(4)
        try fixture.puller().pull()
        let scanStarted = Timestamp(Date()).adding(milliseconds: -60_000)
        // Created after the scan began: the service's id list could not contain it.
        let late = PulledRow(remoteID: UUID().uuidString.lowercased(), etag: "W/\"late\"", fields: ["name": "Late"])
        try fixture.replica.store(page: [late], fields: fixture.carried, state: nil)
        let deleted = try fixture.replica.sweep(keeping: Set(ids.dropFirst()), scanStarted: scanStarted,
                                                state: try fixture.replica.pullState())
        #expect(deleted == 0)
        let now = Timestamp(Date()).adding(milliseconds: 60_000)
        #expect(try fixture.replica.sweep(keeping: Set(ids.dropFirst()), scanStarted: now, state: try fixture.replica.pullState()) == 2)
        #expect(try fixture.replica.records.count(search: nil) == 3)
    }
}
