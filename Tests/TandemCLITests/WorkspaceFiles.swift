import Foundation
import GRDB

/// A workspace's three SQLite files, read directly: what the processes really left behind.
struct WorkspaceFiles {
    let folder: String

    private func open(_ file: String, readOnly: Bool = true) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: (folder as NSString).appendingPathComponent(file), configuration: configuration)
    }

    /// Removes every CRM account no customer is coupled to, so matching must create them.
    func deleteUncoupledAccounts() throws {
        let coupled = try open("workspace.sqlite").read { try String.fetchAll($0, sql: "SELECT crm_id FROM couplings") }
        try open("crm.sqlite", readOnly: false).write { db in
            try db.execute(sql: "CREATE TEMP TABLE keep (id TEXT PRIMARY KEY)")
            for id in coupled { try db.execute(sql: "INSERT INTO keep VALUES (?)", arguments: [id]) }
            try db.execute(sql: "DELETE FROM account WHERE id NOT IN (SELECT id FROM keep)")
        }
    }

    /// Deletes a customer behind Tandem's back, as another ERP user would.
    func deleteERPCustomer(number: String) throws {
        try open("erp.sqlite", readOnly: false).write { db in
            try db.execute(sql: "DELETE FROM Customer WHERE \"No.\" = ?", arguments: [number])
        }
    }

    func accounts(numbered number: String) throws -> Int {
        try open("crm.sqlite").read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM account WHERE accountnumber = ?", arguments: [number]) ?? 0
        }
    }

    func erpValues(_ field: String, of numbers: [String]) throws -> [String: String] {
        try open("erp.sqlite").read { db in
            var values: [String: String] = [:]
            for number in numbers {
                values[number] = try String.fetchOne(db, sql: "SELECT \"\(field)\" FROM Customer WHERE \"No.\" = ?",
                                                     arguments: [number])
            }
            return values
        }
    }

    func intentCount() throws -> Int {
        try open("workspace.sqlite").read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM creation_intents") ?? 0 }
    }

    struct State {
        var accounts = 0
        var couplings: [(erp: String, crm: String)] = []
        /// Account numbers (the customer's No.) that more than one account carries.
        var duplicateNumbers: [String] = []
        /// Accounts no customer is coupled to.
        var orphanAccounts: [String] = []
        /// Couplings naming a record that does not exist.
        var danglingCouplings: [(erp: String, crm: String)] = []
        var unfinishedJobs: [Int64] = []
    }

    func state() throws -> State {
        var state = State()
        let customers = Set(try open("erp.sqlite").read { try String.fetchAll($0, sql: "SELECT id FROM Customer") })
        let accounts = try open("crm.sqlite").read { try Row.fetchAll($0, sql: "SELECT id, accountnumber FROM account") }
        try open("workspace.sqlite").read { db in
            state.couplings = try Row.fetchAll(db, sql: "SELECT erp_id, crm_id FROM couplings WHERE mapping = 'CUSTOMER'")
                .map { ($0[0], $0[1]) }
            state.unfinishedJobs = try Int64.fetchAll(db, sql: "SELECT id FROM jobs WHERE finished_at IS NULL")
        }
        state.accounts = accounts.count
        let accountIDs = Set(accounts.map { $0[0] as String })
        let coupledCRM = Set(state.couplings.map(\.crm))
        state.orphanAccounts = accountIDs.filter { !coupledCRM.contains($0) }.sorted()
        state.danglingCouplings = state.couplings.filter { !customers.contains($0.erp) || !accountIDs.contains($0.crm) }
        let numbers = Dictionary(grouping: accounts.compactMap { $0[1] as String? }, by: { $0 })
        state.duplicateNumbers = numbers.filter { $0.value.count > 1 }.map(\.key).sorted()
        return state
    }
}
