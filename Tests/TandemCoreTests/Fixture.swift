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
    let salespeople: InMemoryRecordSource
    let users: InMemoryRecordSource
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
        salespeople = InMemoryRecordSource(schema: StandardTables.salesperson, clock: clock)
        users = InMemoryRecordSource(schema: StandardTables.systemUser, clock: clock)
        store = InMemoryWorkspaceStore(mappings: mappings)
        let accountTable: any RecordSource = wrapAccounts?(accounts) ?? accounts
        let customerTable: any RecordSource = wrapCustomers?(customers) ?? customers
        workspace = Workspace(store: store, erpTables: [customerTable, erpContacts, salespeople],
                              crmTables: [accountTable, crmContacts, users],
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
