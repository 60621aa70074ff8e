import Foundation
import Testing
import TandemConnectors
import TandemCore
import TandemEmulator
import TandemSQLite

/// Tandem's CRM side living in Dataverse: pulls through server paging and change tracking (delta
/// links, deletions, expired tokens), writes in `$batch` change sets that commit or fail record by
/// record, 412 when someone else got there first, creates that a lost answer cannot duplicate,
/// throttling waits that fail no record, tokens renewed mid-run. Every test has a time limit.
@Suite(.serialized, .timeLimit(.minutes(2))) struct DataverseContractTests {
    @Test func twelveThousandAccountsArriveThroughThreePagesWithTheirCurrencyCodes() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 12_000)
        let report = try #require(try fixture.connect().pull(.crm).first)
        #expect(report.full && report.pages == 3 && report.changes.inserted == 12_000)
        let source = try fixture.accounts()
        #expect(try source.count(search: nil) == 12_000)
        let codes = ["EUR", "USD", "GBP", "DKK"]
        let byID = Dictionary(uniqueKeysWithValues: codes.compactMap { code in fixture.emulator.currencyID(code: code).map { ($0, code) } })
        var expected: [String: String] = [:]
        for account in fixture.emulator.accounts() {
            guard let id = account["accountid"]?.stringValue else { continue }
            expected[id] = account["_transactioncurrencyid_value"]?.stringValue.flatMap { byID[$0] } ?? ""
        }
        let records = try source.scan(after: nil, limit: 12_000)
        let links = try source.replica.links(ids: records.map(\.id))
        var mismatches = 0
        for record in records where expected[links[record.id]?.remoteID ?? ""] != record["transactioncurrency"] { mismatches += 1 }
        #expect(records.count == 12_000 && mismatches == 0)
        #expect(Set(records.map { $0["transactioncurrency"] }) == Set(codes + [""]))
        let reads = fixture.emulator.requestLog.filter { $0.method == "GET" && $0.path.hasSuffix("/accounts") }
        #expect(reads.filter { $0.query.contains("$skiptoken") }.count >= 2)
        #expect(!reads.contains { $0.query.contains("$skip=") })
        #expect(try source.replica.pullState().cursor?.contains("$deltatoken=") == true)
    }

    @Test func anIncrementalPullBringsExactlyTheEditsInsertsAndDeletes() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 30)
        _ = try fixture.connect().pull(.crm)
        let ids = fixture.emulator.accounts().compactMap { $0["accountid"]?.stringValue }
        try fixture.emulator.editAccount(id: ids[0], ["name": .string("Renamed Zero")])
        try fixture.emulator.editAccount(id: ids[1], ["address1_city": .string("Gent")])
        for id in ids[2..<5] { try fixture.emulator.deleteAccount(id: id) }
        try fixture.emulator.insertAccount(["name": .string("Newcomer GmbH")])
        fixture.emulator.clearRequestLog()
        let report = try #require(try fixture.connect().pull(.crm).first)
        #expect(!report.full)
        #expect(report.changes.changed == 2 && report.changes.inserted == 1 && report.changes.deleted == 3)
        let source = try fixture.accounts()
        #expect(try source.count(search: nil) == 28)
        #expect(try source.records(named: "Renamed Zero", prefix: false, limit: 5).count == 1)
        #expect(try source.records(named: "Newcomer GmbH", prefix: false, limit: 5).count == 1)
        let reads = fixture.emulator.requestLog.filter { $0.path.hasSuffix("/accounts") }
        #expect(!reads.isEmpty && reads.allSatisfy { $0.query.contains("$deltatoken=") })
    }

    @Test func anExpiredDeltaTokenFallsBackToAFullPullThatSweepsWhatVanished() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 10)
        _ = try fixture.connect().pull(.crm)
        let ids = fixture.emulator.accounts().compactMap { $0["accountid"]?.stringValue }
        try fixture.emulator.deleteAccount(id: ids[3])
        try fixture.emulator.deleteAccount(id: ids[7])
        fixture.emulator.expireDeltaTokens()
        let report = try #require(try fixture.connect().pull(.crm).first)
        #expect(report.full && report.changes.deleted == 2)
        #expect(try fixture.accounts().count(search: nil) == 8)
        #expect(fixture.emulator.requestLog.contains { $0.status == 410 && $0.query.contains("$deltatoken=") })
        // The full pull's delta link works: the next pull is incremental again.
        #expect(try fixture.connect().pull(.crm).first?.full == false)
    }

    @Test func anUpdateLandsAndAConcurrentEditIsAnswered412ReadBackAndReported() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 3)
        _ = try fixture.connect().pull(.crm)
        let source = try fixture.accounts()
        let records = try source.scan(after: nil, limit: 3)
        let first = records[0], second = records[1]
        let version = try source.write(.update(id: first.id, fields: ["address1_city": "Gent", "creditlimit": "2500"],
                                               expected: first.modifiedAt))
        let stored = try #require(fixture.emulator.account(id: first.id.rawValue))
        #expect(stored["address1_city"]?.stringValue == "Gent" && stored["creditlimit"]?.numberValue == 2500)
        #expect(try source.record(id: first.id)?.modifiedAt == version)
        #expect(try source.replica.links(ids: [first.id])[first.id]?.etag == stored["@odata.etag"]?.stringValue)

        try fixture.emulator.editAccount(id: second.id.rawValue, ["address1_city": .string("Brugge")])
        let result = try source.apply([.update(id: second.id, fields: ["address1_city": "Gent"], expected: second.modifiedAt)])
        #expect(result == [.refused(.changedElsewhere(table: "account", id: second.id))])
        #expect(fixture.emulator.account(id: second.id.rawValue)?["address1_city"]?.stringValue == "Brugge")
        #expect(try source.record(id: second.id)?["address1_city"] == "Brugge")
        #expect(fixture.batches.allSatisfy { $0.method == "POST" && $0.status == 200 })
    }

    @Test func aCreateWhoseAnswerIsLostIsSentAgainAndExistsOnce() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let source = try fixture.accounts()
        fixture.emulator.injectFault(.dropAfterHandling, method: "POST", pathContains: "$batch")
        let id = RecordID.generate()
        let results = try source.apply([.insert(id: id, fields: ["name": "Lost Answer Ltd", "transactioncurrency": "USD"])])
        #expect(results.first?.version != nil)
        #expect(fixture.emulator.countAccounts(where: "name", equals: .string("Lost Answer Ltd")) == 1)
        #expect(fixture.emulator.account(id: id.rawValue)?["_transactioncurrencyid_value"]?.stringValue
            == fixture.emulator.currencyID(code: "USD"))
        #expect(fixture.batches.map(\.status) == [nil, 200])
        #expect(try source.record(id: id)?["name"] == "Lost Answer Ltd")
        #expect(try source.record(id: id)?["transactioncurrency"] == "USD")
        #expect(try source.replica.links(ids: [id])[id]?.remoteID == id.rawValue.lowercased())
    }

    @Test func aRecordTheServiceRefusesFailsAloneAndTheOthersInItsBatchCommit() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let source = try fixture.accounts()
        let ids = (0..<4).map { _ in RecordID.generate() }
        let results = try source.apply([
            .insert(id: ids[0], fields: ["name": "First Fine Ltd"]),
            .insert(id: ids[1], fields: ["name": String(repeating: "L", count: 161)]),
            .insert(id: ids[2], fields: ["name": "Odd Currency AG", "transactioncurrency": "XAU"]),
            .insert(id: ids[3], fields: ["name": "Last Fine Ltd", "creditlimit": "1000"]),
        ])
        #expect(results[0].version != nil && results[3].version != nil)
        guard case .rejected(_, _, let length)? = results[1].refusal, case .rejected(_, _, let currency)? = results[2].refusal else {
            Issue.record("expected two rejections, got \(results)")
            return
        }
        #expect(length.contains("0x80044331") && length.contains("maximum allowed length of '160'"))
        #expect(currency.contains("XAU"))
        #expect(fixture.emulator.accounts().count == 2)
        #expect(fixture.emulator.account(id: ids[1].rawValue) == nil)
        #expect(try source.count(search: nil) == 2)
        #expect(fixture.batches.count == 1)
    }

    @Test func throttlingWaitsAsRetryAfterSaysAndFailsNoRecord() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 20)
        fixture.emulator.throttleNext(3, retryAfter: 7)
        #expect(try fixture.connect().pull(.crm).first?.changes.inserted == 20)
        #expect(fixture.sleeper.waits.filter { $0 == 7 }.count == 3)
        let state = try fixture.opened.replica("account", on: .crm).pullState()
        #expect(state.requests >= 4 && state.secondsWaited == 21, "\(state.requests) requests, \(state.secondsWaited) s")
        let source = try fixture.accounts()
        let records = try source.scan(after: nil, limit: 2)
        fixture.emulator.throttleNext(2, retryAfter: 5)
        let results = try source.apply(records.map { .update(id: $0.id, fields: ["telephone1": "+32 9 123 45 67"], expected: $0.modifiedAt) })
        #expect(results.allSatisfy { $0.version != nil })
        #expect(fixture.sleeper.waits.filter { $0 == 5 }.count == 2)
        #expect(fixture.emulator.countAccounts(where: "telephone1", equals: .string("+32 9 123 45 67")) == 2)
        #expect(fixture.emulator.requestLog.filter { $0.status == 429 }.count == 5)
    }

    @Test func anExpiredTokenIsRenewedInsideTheRetry() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 5)
        _ = try fixture.connect().pull(.crm)
        let source = try fixture.accounts()
        let record = try #require(try source.scan(after: nil, limit: 1).first)
        _ = try source.remote.table().allRemoteIDs()   // this connection now holds a token
        fixture.emulator.expireAllTokens()
        try source.write(.update(id: record.id, fields: ["address1_city": "Leuven"], expected: record.modifiedAt))
        #expect(fixture.emulator.account(id: record.id.rawValue)?["address1_city"]?.stringValue == "Leuven")
        #expect(fixture.emulator.requestLog.contains { $0.status == 401 })
    }

    @Test func aDeletedAccountLeavesTheServiceAndTheReplica() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 2)
        _ = try fixture.connect().pull(.crm)
        let source = try fixture.accounts()
        let record = try #require(try source.scan(after: nil, limit: 1).first)
        try source.write(.delete(id: record.id, expected: record.modifiedAt))
        #expect(fixture.emulator.account(id: record.id.rawValue) == nil)
        #expect(try source.record(id: record.id) == nil)
        // The service reports its own deletion at the next pull; nothing else changes.
        let report = try #require(try fixture.connect().pull(.crm).first)
        #expect(report.changes.deleted == 0 && report.changes.changed == 0 && report.changes.inserted == 0)
        #expect(try source.count(search: nil) == 1)
    }

    @Test func aCurrencyTheOrganizationLacksRefusesThatRecordAloneAndNamesTheCode() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let source = try fixture.accounts()
        let results = try source.apply([
            .insert(id: RecordID.generate(), fields: ["name": "In kronor", "transactioncurrency": "SEK"]),
            .insert(id: RecordID.generate(), fields: ["name": "In dollars", "transactioncurrency": "USD"]),
        ])
        guard case .refused(let reason) = results[0] else { Issue.record("\(results[0])"); return }
        #expect("\(reason)".contains("no transactioncurrency with the ISO code SEK"), "\(reason)")
        #expect(results[1].version != nil)
        #expect(fixture.emulator.countAccounts(where: "name", equals: .string("In dollars")) == 1)
        #expect(fixture.emulator.countAccounts(where: "name", equals: .string("In kronor")) == 0)
    }
}
