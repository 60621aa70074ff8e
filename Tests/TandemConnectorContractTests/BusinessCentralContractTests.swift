import Foundation
import Testing
import TandemConnectors
import TandemCore
import TandemEmulator
import TandemSQLite

/// Tandem's ERP side living in Business Central: pulls through server paging, conditional writes that
/// meet 409 when someone else got there first, creates that a lost answer cannot duplicate, waits on
/// throttling that fail no record, tokens renewed mid-run, deletions found by the id scan.
/// A hang here is a failure, not a stuck CI run: every test has a time limit.
@Suite(.serialized, .timeLimit(.minutes(2))) struct BusinessCentralContractTests {
    @Test func tenThousandCustomersArriveThroughPagingAndBlankCurrencyStaysBlank() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 10_000)
        let connected = try fixture.connect()
        // Contacts are not connected: the screens name Business Central on the Customer and
        // Salesperson panes only.
        #expect(connected.connectedServices[.erp]
            == ConnectedSide(service: "Business Central", tables: ["Customer", "Salesperson"],
                             missingFields: ["Customer": ["Contact"], "Salesperson": []]))
        let source = try FixtureError.require(connected.services[.erp]?.sources["Customer"], "Customer")
        let puller = ReplicaPuller(replica: source.replica, remote: try source.remote.table(), carriedFields: source.carriedFields,
                                   scansForDeletions: true, pageSize: 2_000)
        let report = try puller.pull()
        #expect(report.full && report.pages == 5 && report.changes.inserted == 10_000)
        #expect(try source.count(search: nil) == 10_000)
        let sample = try #require(try source.scan(after: nil, limit: 1).first)
        #expect(sample["Currency Code"] == "" && sample["No."].hasPrefix("C"))
        #expect(fixture.emulator.requestLog.filter { $0.path.contains("customers") && $0.method == "GET" }.count >= 5)
        // Nothing changed: the next pull reads only the overlap and changes nothing.
        let again = try puller.pull()
        #expect(!again.full && again.changes.changed == 0 && again.changes.inserted == 0 && again.changes.deleted == 0)
    }

    @Test func anUpdateLandsAndAConcurrentEditInBusinessCentralIsKeptAndReported() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 3)
        _ = try fixture.connect().pull()
        let source = try fixture.customers()
        let records = try source.scan(after: nil, limit: 3)
        let first = records[0], second = records[1]
        let version = try source.write(.update(id: first.id, fields: ["City": "Gent", "Credit Limit": "2500"], expected: first.modifiedAt))
        let stored = try #require(fixture.emulator.customer(id: first.id.rawValue))
        #expect(stored["city"]?.stringValue == "Gent" && stored["creditLimit"]?.numberValue == 2500)
        #expect(try source.record(id: first.id)?.modifiedAt == version)

        _ = try fixture.emulator.editCustomer(id: second.id.rawValue, ["city": .string("Brugge")])
        let result = try source.apply([.update(id: second.id, fields: ["City": "Gent"], expected: second.modifiedAt)])
        #expect(result == [.refused(.changedElsewhere(table: "Customer", id: second.id))])
        #expect(fixture.emulator.customer(id: second.id.rawValue)?["city"]?.stringValue == "Brugge")
        #expect(try source.record(id: second.id)?["City"] == "Brugge")
    }

    @Test func aCreateWhoseAnswerIsLostIsRecognisedByItsNumberNotMadeTwice() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        let source = try fixture.customers()
        fixture.emulator.injectFault(.dropAfterHandling, method: "POST", pathContains: "$batch")
        let id = RecordID.generate()
        let results = try source.apply([.insert(id: id, fields: ["No.": "C90001", "Name": "Lost Answer Ltd"])])
        #expect(results.first?.version != nil)
        #expect(fixture.emulator.countCustomers(where: "number", equals: .string("C90001")) == 1)
        #expect(try source.record(id: id)?["Name"] == "Lost Answer Ltd")
        #expect(try source.replica.links(ids: [id])[id] != nil)
    }

    @Test func throttlingWaitsAsToldAndFailsNoRecord() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 20)
        fixture.emulator.throttleNext(3, retryAfter: 2)
        let reports = try fixture.connect().pull()
        #expect(reports.first?.changes.inserted == 20)
        #expect(fixture.sleeper.waits.filter { $0 == 2 }.count >= 3)
        // What `tandem connections` shows: the pull's requests (three throttled, the page, the id
        // scan) and the seconds it waited on the service's limits.
        let state = try fixture.opened.replica("Customer", on: .erp).pullState()
        #expect(state.requests >= 5, "\(state.requests)")
        #expect(state.secondsWaited == 6)
    }

    @Test func anExpiredTokenIsRenewedInsideTheRetry() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 5)
        let source = try fixture.customers()
        _ = try fixture.connect().pull()
        let record = try #require(try source.scan(after: nil, limit: 1).first)
        _ = try source.remote.table().allRemoteIDs()   // this connection now holds a token
        fixture.emulator.expireAllTokens()
        try source.write(.update(id: record.id, fields: ["City": "Leuven"], expected: record.modifiedAt))
        #expect(fixture.emulator.customer(id: record.id.rawValue)?["city"]?.stringValue == "Leuven")
        #expect(fixture.emulator.requestLog.contains { $0.status == 401 })
    }

    @Test func aCustomerDeletedInBusinessCentralLeavesTheReplicaAtTheNextPull() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 4)
        _ = try fixture.connect().pull()
        let gone = try #require(fixture.emulator.customers().first?["id"]?.stringValue)
        try fixture.emulator.deleteCustomer(id: gone)
        let report = try #require(try fixture.connect().pull().first)
        #expect(report.changes.deleted == 1)
        #expect(try fixture.customers().count(search: nil) == 3)
    }

    @Test func missingCredentialsAreNamedAndNeverPrinted() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        let connected = try ConnectedWorkspace.attach(fixture.opened, environment: ["TANDEM_ERP_CLIENT_SECRET": "s3cr3t-value"])
        #expect(throws: ConnectorError.self) { try connected.pull() }
        do {
            _ = try connected.pull()
        } catch {
            #expect("\(error)".contains("TANDEM_ERP_TENANT_ID") && !"\(error)".contains("s3cr3t-value"))
        }
    }

    @Test func writesGoInBatchesOfAHundredAndARefusedRecordFailsNoOther() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 250)
        _ = try fixture.connect().pull()
        let source = try fixture.customers()
        let records = try source.scan(after: nil, limit: 250)
        fixture.emulator.clearRequestLog()
        let tooLong = String(repeating: "x", count: 200)
        let writes: [RecordWrite] = records.enumerated().map { index, record in
            .update(id: record.id, fields: ["City": index == 7 ? tooLong : "Namur"], expected: record.modifiedAt)
        }
        let results = try source.apply(writes)
        #expect(fixture.emulator.requestLog.filter { $0.path.hasSuffix("$batch") }.count == 3)
        #expect(!fixture.emulator.requestLog.contains { $0.method == "PATCH" })
        guard case .refused(.rejected(_, let id, let message)) = results[7] else {
            Issue.record("the over-long city was not refused alone: \(results[7])")
            return
        }
        #expect(id == records[7].id && message.contains("StringExceededLength"))
        #expect(results.enumerated().allSatisfy { $0.offset == 7 || $0.element.version != nil })
        #expect(fixture.emulator.countCustomers(where: "city", equals: .string("Namur")) == 249)
    }

    @Test func aBatchWhoseAnswerIsLostIsRecognisedAsWrittenNotAsSomeoneElsesEdit() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 5)
        _ = try fixture.connect().pull()
        let source = try fixture.customers()
        let records = try source.scan(after: nil, limit: 5)
        fixture.emulator.injectFault(.dropAfterHandling, method: "POST", pathContains: "$batch")
        let results = try source.apply(records.map { .update(id: $0.id, fields: ["City": "Mons", "Contact": "Ann"], expected: $0.modifiedAt) })
        // The retry met the ETags its own first attempt made: written, with the replica-only field kept.
        #expect(results.allSatisfy { $0.version != nil })
        #expect(try source.scan(after: nil, limit: 5).allSatisfy { $0["City"] == "Mons" && $0["Contact"] == "Ann" })
        // A real edit by someone else is still a conflict.
        let first = try #require(try source.scan(after: nil, limit: 1).first)
        _ = try fixture.emulator.editCustomer(id: first.id.rawValue, ["city": .string("Liège")])
        fixture.emulator.injectFault(.dropAfterHandling, method: "POST", pathContains: "$batch")
        let conflict = try source.apply([.update(id: first.id, fields: ["City": "Arlon"], expected: first.modifiedAt)])
        #expect(conflict == [.refused(.changedElsewhere(table: "Customer", id: first.id))])
        #expect(fixture.emulator.customer(id: first.id.rawValue)?["city"]?.stringValue == "Liège")
    }

    /// The records a batch wrote are stored in the replica together; one the replica cannot take (its
    /// number is already another record's there) does not undo the others.
    @Test func aWrittenRecordTheReplicaRefusesDoesNotUndoTheOthers() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        let source = try fixture.customers()
        try source.replica.store(page: [PulledRow(remoteID: UUID().uuidString.lowercased(), etag: "W/\"1\"",
                                                  fields: ["No.": "DUP1", "Name": "Already here"])],
                                 fields: source.carriedFields, deletedRemoteIDs: [], state: nil)
        #expect(throws: (any Error).self) {
            try source.apply([.insert(id: RecordID.generate(), fields: ["No.": "DUP1", "Name": "Twin"]),
                              .insert(id: RecordID.generate(), fields: ["No.": "FINE1", "Name": "Fine"])])
        }
        #expect(try source.replica.records.records(numbers: ["FINE1"]).count == 1)
    }
}
