import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// The storage implementations the engine can run on, each made fresh for one test.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqlite

    var testDescription: String { rawValue }

    struct Made {
        let workspace: Workspace
        let clock: ManualClock
        let folder: TemporaryFolder?
        func cleanUp() { folder?.remove() }
        func customers() throws -> any RecordSource { try workspace.table("Customer", on: .erp) }
        func crmContacts() throws -> any RecordSource { try workspace.table("contact", on: .crm) }
    }

    func make() throws -> Made {
        let clock = ManualClock()
        switch self {
        case .memory:
            let erp = StandardTables.tables(on: .erp).map { InMemoryRecordSource(schema: $0, clock: clock) }
            let crm = StandardTables.tables(on: .crm).map { InMemoryRecordSource(schema: $0, clock: clock) }
            return Made(workspace: Workspace(store: InMemoryWorkspaceStore(), erpTables: erp, crmTables: crm, clock: clock),
                        clock: clock, folder: nil)
        case .sqlite:
            let folder = TemporaryFolder()
            return Made(workspace: try SQLiteWorkspace.create(at: folder.path, clock: clock).workspace, clock: clock, folder: folder)
        }
    }
}

@Suite struct RecordSourceContractTests {
    func fill(_ table: any RecordSource, names: [String]) throws -> [RecordID] {
        let ids = names.map { _ in RecordID.generate() }
        try table.apply(zip(ids, names).enumerated().map { index, pair in
            .insert(id: pair.0, fields: ["No.": String(format: "C%05d", index + 1), "Name": pair.1,
                                         "City": index % 2 == 0 ? "Berlin" : "Paris"])
        })
        return ids
    }

    @Test(arguments: Backend.allCases)
    func keysetPagesWalkTheListBothWaysWithoutGapsOrRepeats(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        let names = (0..<23).map { ["alpha", "Beta", "beta", "Gamma", "Ärger", "東京"][$0 % 6] + " \($0 % 4)" }
        _ = try fill(table, names: names)
        var forward: [Record] = []
        var page = try table.page(search: nil, from: .first, limit: 5)
        while let last = page.last {
            forward += page
            page = try table.page(search: nil, from: .after(ListKey(last, schema: table.schema)), limit: 5)
        }
        #expect(forward.count == 23 && Set(forward.map(\.id)).count == 23)
        let keys = forward.map { ListKey($0, schema: table.schema) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { ListKey.sortsBefore($0, $1) })
        var backward: [Record] = []
        page = try table.page(search: nil, from: .last, limit: 5)
        while let first = page.first {
            backward = page + backward
            page = try table.page(search: nil, from: .before(ListKey(first, schema: table.schema)), limit: 5)
        }
        #expect(backward.map(\.id) == forward.map(\.id))
    }

    @Test(arguments: Backend.allCases)
    func namesSortAndMatchWithoutRegardToCaseOrAccents(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        _ = try fill(table, names: ["Zeta", "Ärger", "atelier", "Açaí", "Arbeit", "Éclair", "edge"])
        let names = try table.page(search: nil, from: .first, limit: 10).map { $0["Name"] }
        #expect(names == ["Açaí", "Arbeit", "Ärger", "atelier", "Éclair", "edge", "Zeta"])
        #expect(try table.records(named: "acai", prefix: false, limit: 5).map { $0["Name"] } == ["Açaí"])
        #expect(try table.records(named: "ecl", prefix: true, limit: 5).map { $0["Name"] } == ["Éclair"])
        // Renaming moves the record in the list.
        let zeta = try #require(try table.records(named: "zeta", prefix: false, limit: 1).first)
        try table.apply([.update(id: zeta.id, fields: ["Name": "Aaron"])])
        #expect(try table.page(search: nil, from: .first, limit: 1).first?["Name"] == "Aaron")
    }

    @Test(arguments: Backend.allCases)
    func searchMatchesNameNumberCityAndCountsTheSame(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        _ = try fill(table, names: ["Adatum", "Contoso", "100% Organic", "Fabrikam"])
        #expect(try table.count(search: "paris") == 2)
        #expect(try table.page(search: "ADAT", from: .first, limit: 10).map { $0["Name"] } == ["Adatum"])
        #expect(try table.page(search: "C00002", from: .first, limit: 10).map { $0["Name"] } == ["Contoso"])
        #expect(try table.count(search: "0%") == 1)
        #expect(try table.count(search: nil) == 4)
    }

    @Test(arguments: Backend.allCases)
    func aBatchWithOneBadWriteWritesNothing(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        let ids = try fill(table, names: ["Adatum"])
        let before = try #require(try table.record(id: ids[0]))
        made.clock.advance()
        #expect(throws: RecordSourceError.self) {
            try table.apply([.update(id: ids[0], fields: ["City": "Rome"]), .insert(id: .generate(), fields: ["No.": "C00001"])])
        }
        #expect(try table.record(id: ids[0]) == before)
        #expect(try table.count(search: nil) == 1)
        #expect(throws: RecordSourceError.unknownField(table: "Customer", field: "Colour")) {
            try table.apply([.update(id: ids[0], fields: ["Colour": "red"])])
        }
        #expect(throws: RecordSourceError.notFound(table: "Customer", id: RecordID("00000000-0000-4000-8000-000000000000"))) {
            try table.apply([.delete(id: RecordID("00000000-0000-4000-8000-000000000000"))])
        }
    }

    @Test(arguments: Backend.allCases)
    func everyWriteMovesModifiedAtForward(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let table = try made.customers()
        let id = try fill(table, names: ["Adatum"])[0]
        let first = try #require(try table.record(id: id)).modifiedAt
        let second = try table.apply([.update(id: id, fields: ["City": "Rome"])])[id]
        let third = try table.apply([.update(id: id, fields: ["City": "Oslo"])])[id]
        #expect(try #require(second) > first)
        #expect(try #require(third) > #require(second))
        #expect(try table.record(id: id)?.modifiedAt == third)
    }

    @Test(arguments: Backend.allCases)
    func derivedNamesDefaultsNumbersAndNameLookup(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let contacts = try made.crmContacts()
        let id = RecordID.generate()
        try contacts.apply([.insert(id: id, fields: ["firstname": "Ana", "lastname": "Silva"])])
        #expect(try contacts.record(id: id)?["fullname"] == "Ana Silva")
        #expect(try contacts.record(id: id)?["statecode"] == "Active")
        try contacts.apply([.update(id: id, fields: ["lastname": "Souza"])])
        #expect(try contacts.record(id: id)?["fullname"] == "Ana Souza")
        #expect(try contacts.records(named: "ana souza", prefix: false, limit: 5).map(\.id) == [id])
        #expect(try contacts.records(named: "An", prefix: true, limit: 5).map(\.id) == [id])
        try contacts.apply([.update(id: id, fields: ["firstname": "Ána"])])
        #expect(try contacts.records(named: "ANA SOUZA", prefix: false, limit: 5).map(\.id) == [id])
        let customers = try made.customers()
        _ = try fill(customers, names: ["A", "B"])
        #expect(try customers.nextNumber() == "C00003")
        #expect(throws: RecordSourceError.noNumberSeries(table: "contact")) { try contacts.nextNumber() }
    }
}

@Suite struct WorkspaceStoreContractTests {
    @Test(arguments: Backend.allCases)
    func couplingsRoundTripWithSnapshotsOfAnyText(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        var coupling = Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate(),
                                erpModifiedAtLastSync: Timestamp(milliseconds: 5), crmModifiedAtLastSync: nil,
                                snapshot: ["Name": SnapshotValue(erp: "Evil\u{1B}[31m\r\u{8}12:34", crm: "日本 🍣"),
                                           "City": SnapshotValue(erp: "", crm: "3:abc")])
        coupling.recordFailure(.fromCRM, message: "boom", job: 7, at: Timestamp(milliseconds: 9))
        var changes = WorkspaceChanges()
        changes.upsertedCouplings = [coupling]
        try store.commit(changes)
        #expect(try store.coupling(mapping: "CUSTOMER", side: .crm, id: coupling.crmID) == coupling)
        #expect(try store.problemCouplings() == [coupling])
        #expect(try store.coupledIDs(mapping: "CUSTOMER", side: .erp) == [coupling.erpID])
    }

    @Test(arguments: Backend.allCases)
    func aCRMRecordCoupledTwiceFailsTheWholeCommit(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        let crm = RecordID.generate()
        var first = WorkspaceChanges()
        first.upsertedCouplings = [Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: crm)]
        try store.commit(first)
        let job = try store.startJob(NewJob(type: .coupling, mapping: "CUSTOMER", direction: nil, startedAt: made.clock.now()))
        var clash = WorkspaceChanges()
        clash.upsertedCouplings = [Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate()),
                                   Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: crm)]
        clash.jobErrors = [JobError(jobID: job.id, at: made.clock.now(), message: "x", sourceSide: .erp, sourceID: nil, destinationID: nil)]
        #expect(throws: WorkspaceStoreError.self) { try store.commit(clash) }
        #expect(try store.couplingCount(mapping: "CUSTOMER") == 1)
        #expect(try store.jobErrors(job.id).isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func jobsErrorsChangesAndIntentsRoundTrip(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        var job = try store.startJob(NewJob(type: .synchronization, mapping: "CUSTOMER", direction: .toCRM, startedAt: made.clock.now()))
        job.counters.modified = 3
        job.finishedAt = made.clock.now().adding(milliseconds: 1500)
        job.message = "Synchronized 3 of 3 records."
        let record = RecordID.generate()
        var changes = WorkspaceChanges()
        changes.updatedJobs = [job]
        changes.recordChanges = [RecordChange(jobID: job.id, side: .crm, table: "account", recordID: record,
                                              modifiedAtAfter: Timestamp(milliseconds: 1), created: false,
                                              fields: [.init(name: "name", oldValue: "a,b", newValue: "c\nd")])]
        changes.addedIntents = [CreationIntent(newID: record, mapping: "CUSTOMER", side: .crm, sourceID: .generate(), jobID: job.id)]
        try store.commit(changes)
        #expect(try store.job(job.id) == job)
        #expect(try store.jobs(limit: 5) == [job])
        #expect(try store.recordChanges(job.id) == changes.recordChanges)
        #expect(try store.creationIntents(mapping: "CUSTOMER") == changes.addedIntents)
        #expect(job.durationMilliseconds == 1500)
    }

    @Test(arguments: Backend.allCases)
    func aJobsChangesArePagedByKeyInWrittenOrder(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        let first = try store.startJob(NewJob(type: .synchronization, mapping: "CUSTOMER", direction: .toCRM, startedAt: made.clock.now()))
        let second = try store.startJob(NewJob(type: .synchronization, mapping: "CUSTOMER", direction: .toCRM, startedAt: made.clock.now()))
        func change(_ job: SyncJob, _ value: Int) -> RecordChange {
            RecordChange(jobID: job.id, side: .crm, table: "account", recordID: .generate(), modifiedAtAfter: Timestamp(milliseconds: 1),
                         created: false, fields: [.init(name: "name", oldValue: "", newValue: String(value))])
        }
        // The two jobs' changes interleave in the log, as two commits in turn would write them.
        var written: [RecordChange] = []
        for value in 0..<7 {
            var changes = WorkspaceChanges()
            changes.recordChanges = [change(first, value), change(second, value)]
            try store.commit(changes)
            written.append(changes.recordChanges[0])
        }
        var pages: [[RecordChange]] = []
        var page = try store.recordChanges(first.id, after: nil, limit: 3)
        while let last = page.last {
            pages.append(page.changes)
            page = try store.recordChanges(first.id, after: last, limit: 3)
        }
        #expect(pages.map(\.count) == [3, 3, 1] && pages.flatMap { $0 } == written)
        #expect(page.changes.isEmpty)
        #expect(try store.recordChangeCount(first.id) == 7 && store.recordChangeCount(999) == 0)
    }
}

@Suite struct FieldListCodecTests {
    @Test(arguments: [[], [""], ["a", "a", "a"], ["", ""], ["12:34", "=", "==", "日本 🍣", "\u{1B}[31m\r\n"], ["x", "", "x"]])
    func anyListSurvivesTheRoundTrip(_ values: [String]) {
        #expect(FieldListCodec.decode(FieldListCodec.encode(values)) == values)
    }

    @Test func repeatsAreStoredOnceAndMalformedTextIsRejected() {
        #expect(FieldListCodec.encode(["Berlin", "Berlin"]) == "6:Berlin=")
        #expect(FieldListCodec.decode("=") == nil)
        #expect(FieldListCodec.decode("5:abc") == nil)
        #expect(FieldListCodec.decode("x:abc") == nil)
    }
}
