import Foundation
import Testing
import TandemConnectors
import TandemCore
import TandemSQLite

/// Where a side lives is stored in the workspace (a folder's side database, or the side's PostgreSQL
/// schema), without credentials; going back to the embedded
/// side keeps the records and forgets their remote ids and cursors.
@Suite struct SideConnectionTests {
    @Test(arguments: ReplicaStore.available)
    func aConnectionIsStoredReopenedAndForgotten(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        #expect(try fixture.opened.connection(on: .crm) == nil)
        let connection = SideConnection(kind: "dataverse", url: "https://org.crm4.dynamics.com/api/data/v9.2",
                                        connectedAt: Timestamp(milliseconds: 1_000))
        try fixture.opened.setConnection(connection, on: .crm)
        fixture.seed(3)
        try fixture.puller().pull()
        let reopened = try fixture.reopened()
        #expect(try reopened.connection(on: .crm) == connection)
        #expect(try reopened.connection(on: .erp) == nil)
        #expect(try fixture.replica.localOnlyCount() == 0)
        try fixture.opened.setConnection(nil, on: .crm)
        #expect(try fixture.opened.connection(on: .crm) == nil)
        #expect(try fixture.replica.records.count(search: nil) == 3)
        #expect(try fixture.replica.localOnlyCount() == 3)
        #expect(try fixture.replica.pullState() == PullState())
    }
}
