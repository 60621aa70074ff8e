import Foundation
import Testing
import TandemConnectors
import TandemCore
import TandemSQLite

/// The engine's conditional writes against a remote table: checked against the replica's version
/// first, then against the service's ETag; an edit made in the service in between is reported and
/// read into the replica, never overwritten.
@Suite struct RemoteRecordSourceTests {
    @Test(arguments: ReplicaStore.available)
    func anUpdateGoesOutWithTheReplicasETagAndTheReplicaTakesTheAnswer(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(3)
        try fixture.puller().pull()
        let source = fixture.source()
        let id = RecordID(ids[1])
        let read = try #require(try source.record(id: id))
        let etag = fixture.service.record(ids[1])!.etag
        let version = try source.write(.update(id: id, fields: ["address1_city": "Nantes"], expected: read.modifiedAt))
        #expect(fixture.service.writesReceived == [.update(remoteID: ids[1], etag: etag, fields: ["address1_city": "Nantes"])])
        #expect(fixture.service.record(ids[1])?.fields["address1_city"] == "Nantes")
        let after = try #require(try source.record(id: id))
        #expect(after["address1_city"] == "Nantes" && after.modifiedAt == version && version > read.modifiedAt)
        #expect(try fixture.replica.links(ids: [id])[id]?.etag == fixture.service.record(ids[1])?.etag)
    }

    @Test(arguments: ReplicaStore.available)
    func anEditMadeInTheServiceMeanwhileIsReportedReadInAndNotOverwritten(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(2)
        try fixture.puller().pull()
        let source = fixture.source()
        let id = RecordID(ids[0])
        let read = try #require(try source.record(id: id))
        fixture.service.edit(ids[0], ["address1_city": "Marseille"])   // another user, in the CRM itself
        let result = try source.apply([.update(id: id, fields: ["address1_city": "Nantes"], expected: read.modifiedAt)])
        #expect(result == [.refused(.changedElsewhere(table: "account", id: id))])
        #expect(fixture.service.record(ids[0])?.fields["address1_city"] == "Marseille")
        #expect(try source.record(id: id)?["address1_city"] == "Marseille")
    }

    @Test(arguments: ReplicaStore.available)
    func aStaleVersionIsRefusedWithoutARequest(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(1)
        try fixture.puller().pull()
        let source = fixture.source()
        let id = RecordID(ids[0])
        let result = try source.apply([.update(id: id, fields: ["name": "X"], expected: Timestamp(milliseconds: 1))])
        #expect(result == [.refused(.changedElsewhere(table: "account", id: id))])
        #expect(fixture.service.writesReceived.isEmpty)
    }

    @Test(arguments: ReplicaStore.available)
    func aCreateCarriesTheCallersIdAndARetryCannotDuplicate(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let source = fixture.source()
        let id = RecordID.generate()
        #expect(try source.apply([.insert(id: id, fields: ["name": "Fresh"])]).first?.version != nil)
        #expect(fixture.service.record(id.rawValue)?.fields["name"] == "Fresh")
        #expect(try source.record(id: id)?["name"] == "Fresh")
        #expect(try source.apply([.insert(id: id, fields: ["name": "Fresh"])]) == [.refused(.duplicateID(table: "account", id: id))])
        #expect(fixture.service.count == 1)
    }

    @Test(arguments: ReplicaStore.available)
    func aFieldTheServiceDoesNotCarryIsKeptInTheReplicaOnly(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(1)
        try fixture.puller().pull()
        let source = fixture.source(carrying: fixture.carried.filter { $0 != "address1_primarycontactname" })
        let id = RecordID(ids[0])
        let read = try #require(try source.record(id: id))
        try source.write(.update(id: id, fields: ["address1_primarycontactname": "Ana", "telephone1": "1"], expected: read.modifiedAt))
        #expect(fixture.service.writesReceived == [.update(remoteID: ids[0], etag: fixture.service.writesReceived.first.map {
            if case .update(_, let etag, _) = $0 { etag } else { "" } } ?? "", fields: ["telephone1": "1"])])
        let after = try #require(try source.record(id: id))
        #expect(after["address1_primarycontactname"] == "Ana" && after["telephone1"] == "1")
    }

    @Test(arguments: ReplicaStore.available)
    func theServicesRefusalOfOneRecordLeavesTheOthersWritten(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let source = fixture.source()
        let good = RecordID.generate(), bad = RecordID.generate()
        let results = try source.apply([.insert(id: good, fields: ["name": "Good"]), .insert(id: bad, fields: ["name": ""])])
        #expect(results[0].version != nil)
        #expect(results[1] == .refused(.rejected(table: "account", id: bad, message: "The name must not be blank.")))
        #expect(try source.record(id: bad) == nil && fixture.service.count == 1)
    }

    @Test(arguments: ReplicaStore.available)
    func aDeleteNeedsTheCurrentETagAndLeavesTheReplica(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(2)
        try fixture.puller().pull()
        let source = fixture.source()
        let id = RecordID(ids[0])
        let read = try #require(try source.record(id: id))
        try source.write(.delete(id: id, expected: read.modifiedAt))
        #expect(try fixture.service.record(ids[0]) == nil && source.record(id: id) == nil)
    }

    @Test(arguments: ReplicaStore.available)
    func readsNeverReachTheServiceAndAMissingCredentialOnlyStopsWrites(_ store: ReplicaStore) throws {
        let fixture = try ReplicaFixture(store)
        defer { fixture.remove() }
        let ids = fixture.seed(2)
        try fixture.puller().pull()
        let source = RemoteRecordSource(replica: fixture.replica, carriedFields: fixture.carried,
                                        remote: RemoteTableProvider(serviceName: "Dataverse") {
            throw ConnectorError.missingCredentials(side: "CRM", variables: ["TANDEM_CRM_TOKEN"])
        })
        #expect(try source.count(search: nil) == 2)
        #expect(try source.page(search: "account", from: .first, limit: 10).count == 2)
        let read = try #require(try source.record(id: RecordID(ids[0])))
        #expect(throws: ConnectorError.missingCredentials(side: "CRM", variables: ["TANDEM_CRM_TOKEN"])) {
            try source.apply([.update(id: read.id, fields: ["name": "X"], expected: read.modifiedAt)])
        }
        #expect(try source.record(id: read.id)?["name"] == read["name"])
    }
}
