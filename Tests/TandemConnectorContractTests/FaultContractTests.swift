import Foundation
import Testing
import TandemConnectors
import TandemCore

/// What a real service does on a bad day, against both emulators: 5xx answers, connections dropped
/// before the service read the request, and Dataverse's three service-protection limits (6,000
/// requests and 1,200 s of execution time per 5 minutes per user, 52 requests at once; scaled down
/// here). A pull completes, a write lands once, and no record fails. And on a good day, as many Dataverse batches at once as the service hints.
@Suite(.serialized) struct FaultContractTests {
    @Test func businessCentralPagesAnswered500OrDroppedAreAskedAgain() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 30)
        fixture.emulator.injectFault(.respond(status: 500), method: "GET", pathContains: "customers", times: 2)
        fixture.emulator.injectFault(.dropBeforeHandling, method: "GET", pathContains: "customers", times: 1)
        let reports = try fixture.connect().pull()
        #expect(reports.first?.changes.inserted == 30)
        #expect(fixture.emulator.requestLog.filter { $0.status == 500 }.count == 2)
        #expect(fixture.emulator.requestLog.contains { $0.status == nil })
        // Backoff between the attempts, not a hammering loop.
        #expect(fixture.sleeper.waits.count >= 3 && fixture.sleeper.waits.allSatisfy { $0 > 0 })
    }

    @Test func aBusinessCentralBatchAnswered503IsSentAgainAndLandsOnce() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 3)
        let source = try fixture.customers()
        _ = try fixture.connect().pull()
        let records = try source.scan(after: nil, limit: 3)
        fixture.emulator.injectFault(.respond(status: 503, retryAfter: 4), method: "POST", pathContains: "$batch")
        let results = try source.apply(records.map { .update(id: $0.id, fields: ["City": "Gent"], expected: $0.modifiedAt) })
        #expect(results.allSatisfy { $0.version != nil })
        #expect(fixture.emulator.customers().allSatisfy { $0["city"]?.stringValue == "Gent" })
        #expect(fixture.sleeper.waits.contains(4))
    }

    @Test func aDataverseBatchDroppedBeforeTheServiceReadItIsSentAgainAndLandsOnce() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let source = try fixture.accounts()
        fixture.emulator.injectFault(.dropBeforeHandling, method: "POST", pathContains: "$batch")
        fixture.emulator.injectFault(.respond(status: 502), method: "POST", pathContains: "$batch")
        let ids = (0..<3).map { _ in RecordID.generate() }
        let results = try source.apply(ids.enumerated().map { .insert(id: $1, fields: ["name": "Dropped \($0)"]) })
        #expect(results.allSatisfy { $0.version != nil })
        for index in 0..<3 { #expect(fixture.emulator.countAccounts(where: "name", equals: .string("Dropped \(index)")) == 1) }
        #expect(fixture.batches.map(\.status) == [nil, 502, 200])
    }

    @Test func theServiceProtectionWindowIsWaitedOutAndFailsNoRecord() throws {
        let fixture = try DataverseFixture(requestLimit: 5, requestWindow: 2, sleeper: RecordingSleeper(sleeping: true))
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 12_000)
        let started = Date()
        let reports = try fixture.connect().pull()
        #expect(reports.first?.changes.inserted == 12_000)
        let source = try fixture.accounts()
        let records = try source.scan(after: nil, limit: 450)
        let results = try source.apply(records.map { .update(id: $0.id, fields: ["address1_city": "Lyon"], expected: $0.modifiedAt) })
        #expect(results.allSatisfy { $0.version != nil }, "\(results.filter { $0.version == nil }.count) failed")
        #expect(fixture.emulator.countAccounts(where: "address1_city", equals: .string("Lyon")) >= 450)
        // More requests than the window allows: some were refused with 429 and waited out.
        #expect(fixture.emulator.requestLog.contains { $0.status == 429 })
        #expect(Date().timeIntervalSince(started) >= 2)
    }

    @Test func dataverseBatchesGoAsManyAtOnceAsTheServiceHints() throws {
        let fixture = try DataverseFixture()   // the emulator hints 4, as `x-ms-dop-hint` on every answer
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 1_000)
        _ = try fixture.connect().pull()
        let source = try fixture.accounts()
        let records = try source.scan(after: nil, limit: 1_000)
        // Each batch takes a while on the service, so batches sent together are seen together.
        fixture.emulator.injectFault(.delay(0.3), method: "POST", pathContains: "$batch", times: 10)
        let results = try source.apply(records.map { .update(id: $0.id, fields: ["address1_city": "Nantes"], expected: $0.modifiedAt) })
        #expect(results.allSatisfy { $0.version != nil })
        #expect(fixture.emulator.countAccounts(where: "address1_city", equals: .string("Nantes")) == 1_000)
        #expect(fixture.batches.count == 10)
        #expect(fixture.emulator.mostConcurrentRequests == 4)
    }

    @Test func theExecutionTimeLimitIsWaitedOutAndFailsNoRecord() throws {
        // Each operation keeps the emulated server busy 1 ms; a user may spend 0.3 s of it per 2 s.
        let fixture = try DataverseFixture(requestWindow: 2, executionTimeLimit: 0.3, secondsPerOperation: 0.001,
                                           sleeper: RecordingSleeper(sleeping: true))
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 600)
        _ = try fixture.connect().pull()
        let source = try fixture.accounts()
        let records = try source.scan(after: nil, limit: 600)
        let results = try source.apply(records.map { .update(id: $0.id, fields: ["address1_city": "Gent"], expected: $0.modifiedAt) })
        #expect(results.allSatisfy { $0.version != nil }, "\(results.filter { $0.version == nil }.count) failed")
        #expect(fixture.emulator.countAccounts(where: "address1_city", equals: .string("Gent")) == 600)
        // Six batches of 0.1 s each spend more than the window allows: some were refused and waited out.
        #expect(fixture.batches.contains { $0.status == 429 })
        #expect(fixture.sleeper.waits.reduce(0, +) >= 1)
    }

    @Test func aRequestOverTheConcurrencyLimitIsRefusedAtOnceAndSentAgain() throws {
        // Each batch of 100 keeps the emulated server busy 0.3 s, so batches sent together overlap.
        let fixture = try DataverseFixture(secondsPerOperation: 0.003, concurrentRequestLimit: 2,
                                           sleeper: RecordingSleeper(sleeping: true))
        defer { fixture.remove() }
        fixture.emulator.seedAccounts(count: 800)
        _ = try fixture.connect().pull()
        let source = try fixture.accounts()
        let records = try source.scan(after: nil, limit: 800)
        // The service hints 4 at once, but handles only 2 of this user's requests at a time.
        let results = try source.apply(records.map { .update(id: $0.id, fields: ["address1_city": "Liège"], expected: $0.modifiedAt) })
        #expect(results.allSatisfy { $0.version != nil })
        #expect(fixture.emulator.countAccounts(where: "address1_city", equals: .string("Liège")) == 800)
        #expect(fixture.batches.contains { $0.status == 429 })
        #expect(fixture.batches.filter { $0.status == 200 }.count == 8)
    }
}
