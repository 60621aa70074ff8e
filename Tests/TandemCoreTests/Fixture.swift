import Foundation
import Testing
import TandemCore
import TandemTestSupport

/// An in-memory workspace with both sides, the default mappings and helpers to make records.
struct Fixture {
    let clock = ManualClock()
    let customers: InMemoryRecordSource
    let erpContacts: InMemoryRecordSource
    let accounts: InMemoryRecordSource
    let crmContacts: InMemoryRecordSource
    let store: InMemoryWorkspaceStore
    let workspace: Workspace
    /// This "process"'s job leases: `abandonAll` stands for the process dying.
    let leases = InMemoryJobLeases()

    init(mappings: [TableMapping] = DefaultMappings.all, accountsOverride: (any RecordSource)? = nil,
         wrapAccounts: ((InMemoryRecordSource) -> any RecordSource)? = nil,
         wrapCustomers: ((InMemoryRecordSource) -> any RecordSource)? = nil) {
        customers = InMemoryRecordSource(schema: StandardTables.customer, clock: clock)
        erpContacts = InMemoryRecordSource(schema: StandardTables.erpContact, clock: clock)
        accounts = InMemoryRecordSource(schema: StandardTables.account, clock: clock)
        crmContacts = InMemoryRecordSource(schema: StandardTables.crmContact, clock: clock)
        store = InMemoryWorkspaceStore(mappings: mappings)
        let accountTable: any RecordSource = wrapAccounts?(accounts) ?? accounts
        let customerTable: any RecordSource = wrapCustomers?(customers) ?? customers
        workspace = Workspace(store: store, erpTables: [customerTable, erpContacts], crmTables: [accountTable, crmContacts],
                              clock: clock, leases: leases)
    }

    /// A fixture whose CRM account table can be told to fail writes (or to "crash" after writing).
    static func withFaultyAccounts() -> (Fixture, FaultyRecordSource) {
        var faulty: FaultyRecordSource?
        let fixture = Fixture(wrapAccounts: { base in
            let wrapped = FaultyRecordSource(base)
            faulty = wrapped
            return wrapped
        })
        return (fixture, faulty ?? FaultyRecordSource(fixture.accounts))
    }

    var engine: SyncEngine { SyncEngine(workspace: workspace) }
    var coupling: CouplingService { CouplingService(workspace: workspace) }
    var jobLog: JobLog { JobLog(workspace: workspace) }

    @discardableResult
    func customer(_ number: String, _ name: String, _ fields: [String: String] = [:]) throws -> Record {
        let id = RecordID.generate()
        var all = ["No.": number, "Name": name, "City": "Berlin", "E-Mail": "\(number.lowercased())@example.com",
                   "Credit Limit": "1000"]
        all.merge(fields) { $1 }
        try customers.apply([.insert(id: id, fields: all)])
        return try #require(try customers.record(id: id))
    }

    @discardableResult
    func account(_ name: String, _ fields: [String: String] = [:]) throws -> Record {
        let id = RecordID.generate()
        var all = ["name": name, "address1_city": "Hamburg", "statecode": "Active"]
        all.merge(fields) { $1 }
        try accounts.apply([.insert(id: id, fields: all)])
        return try #require(try accounts.record(id: id))
    }

    @discardableResult
    func erpContact(_ number: String, first: String, last: String, company: String, _ fields: [String: String] = [:]) throws -> Record {
        let id = RecordID.generate()
        var all = ["No.": number, "First Name": first, "Surname": last, "Company No.": company]
        all.merge(fields) { $1 }
        try erpContacts.apply([.insert(id: id, fields: all)])
        return try #require(try erpContacts.record(id: id))
    }

    /// A customer created in the CRM through *Create new*: coupled, synchronized, snapshot taken.
    @discardableResult
    func coupledCustomer(_ number: String, _ name: String, _ fields: [String: String] = [:]) throws -> (erp: Record, crm: Record) {
        let erp = try customer(number, name, fields)
        let outcome = try coupling.createNew(mapping: "CUSTOMER", side: .erp, ids: [erp.id])
        let crmID = try #require(outcome.outcomes.first?.crmID)
        clock.advance()
        return (erp, try #require(try accounts.record(id: crmID)))
    }

    /// Edits a record as a user would on its own side, a minute later.
    func edit(_ table: InMemoryRecordSource, _ id: RecordID, _ fields: [String: String]) throws {
        clock.advance()
        try table.edit(id: id, fields: fields)
        clock.advance()
    }

    func couplingOf(customer id: RecordID) throws -> Coupling? {
        try store.coupling(mapping: "CUSTOMER", side: .erp, id: id)
    }
}

/// A record source that hands every call to another; subclasses change what they need.
class ForwardingRecordSource: RecordSource, @unchecked Sendable {
    let base: any RecordSource

    init(_ base: any RecordSource) { self.base = base }

    var schema: TableSchema { base.schema }
    func count(search: String?) throws -> Int { try base.count(search: search) }
    func page(search: String?, from start: PageStart, limit: Int) throws -> [Record] {
        try base.page(search: search, from: start, limit: limit)
    }
    func scan(after id: RecordID?, limit: Int, fields: [String]?) throws -> [Record] {
        try base.scan(after: id, limit: limit, fields: fields)
    }
    func records(ids: [RecordID]) throws -> [Record] { try base.records(ids: ids) }
    func records(numbers: [String]) throws -> [Record] { try base.records(numbers: numbers) }
    func records(named name: String, prefix: Bool, limit: Int) throws -> [Record] {
        try base.records(named: name, prefix: prefix, limit: limit)
    }
    func nextNumber() throws -> String { try base.nextNumber() }
    func apply(_ writes: [RecordWrite]) throws -> [WriteResult] { try base.apply(writes) }
    func versions(since: Timestamp?, after start: RecordVersion?, limit: Int) throws -> [RecordVersion] {
        try base.versions(since: since, after: start, limit: limit)
    }
}

/// Wraps a record source and fails writes to chosen records, or counts calls.
final class FaultyRecordSource: ForwardingRecordSource, @unchecked Sendable {
    private let lock = NSLock()
    var failingIDs: Set<RecordID> = []
    var failAfterWriting = false
    private(set) var applyCalls = 0

    struct Crash: Error {}

    /// Writes to failing records are refused (as a side refuses a bad record); with
    /// `failAfterWriting`, the writes land and then the call fails, as a timeout that hid a success.
    override func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        lock.lock()
        applyCalls += 1
        let failing = failingIDs, crash = failAfterWriting
        lock.unlock()
        let passing = writes.filter { !failing.contains($0.id) }
        var results = try base.apply(passing).makeIterator()
        let merged: [WriteResult] = writes.map { write in
            failing.contains(write.id) ? .refused(.unknownField(table: schema.name, field: "rejected by the CRM"))
                : results.next() ?? .refused(.notFound(table: schema.name, id: write.id))
        }
        if crash { throw Crash() }
        return merged
    }
}
