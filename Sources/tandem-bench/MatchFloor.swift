import Foundation
import TandemSQLite

/// The floor of match-based coupling on Name + E-Mail: the same I/O as the operation, straight
/// against SQLite's C API. Read the coupled ids, then the id, the two match fields and the filter
/// field of every CRM account and ERP customer; a hash join on the trimmed, case-folded values
/// (ambiguous keys and filtered records left out); insert one coupling row per match, 1,000 a
/// transaction, with the job's row.
enum MatchFloor {
    static func run(folder: String, batchSize: Int = 1_000) throws -> String {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let workspace = try RawDatabase(path: path(SQLiteWorkspace.workspaceFileName))
        let erp = try RawDatabase(path: path(SQLiteWorkspace.erpFileName))
        let crm = try RawDatabase(path: path(SQLiteWorkspace.crmFileName))
        func ids(_ column: String) throws -> Set<String> {
            let statement = try workspace.prepare("SELECT \(column) FROM couplings WHERE mapping = 'CUSTOMER'")
            var result = Set<String>()
            while try statement.step() { result.insert(statement.text(0)) }
            return result
        }
        let coupledERP = try ids("erp_id"), coupledCRM = try ids("crm_id")
        /// Candidate per key; nil marks a key two accounts share.
        var candidates: [String: String?] = [:]
        let accounts = try crm.prepare("SELECT id, name, emailaddress1, statecode FROM account")
        while try accounts.step() {
            guard accounts.text(3) == "Active", let key = key(accounts.bytes(1), accounts.bytes(2)) else { continue }
            let id = accounts.text(0)
            if coupledCRM.contains(id) { continue }
            if candidates.updateValue(id, forKey: key) != nil { candidates[key] = .some(nil) }
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try workspace.execute("INSERT INTO jobs (type, mapping, started_at) VALUES ('match-coupling', 'CUSTOMER', \(now))")
        let job = workspace.lastInsertedRowID
        let insert = try workspace.prepare("INSERT INTO couplings (mapping, erp_id, crm_id, version) VALUES ('CUSTOMER', ?, ?, 1)")
        let updateJob = try workspace.prepare("UPDATE jobs SET coupled = ?, finished_at = ? WHERE id = ?")
        let customers = try erp.prepare("SELECT id, \"Name\", \"E-Mail\", \"Blocked\" FROM Customer")
        var coupled = 0, unmatched = 0, inBatch = 0
        try workspace.execute("BEGIN IMMEDIATE")
        while try customers.step() {
            guard customers.bytes(3).isEmpty else { continue }
            let id = customers.text(0)
            guard !coupledERP.contains(id), let key = key(customers.bytes(1), customers.bytes(2)),
                  case .some(.some(let crmID)) = candidates[key] else {
                unmatched += 1
                continue
            }
            candidates[key] = .some(nil)
            insert.bind(1, id)
            insert.bind(2, crmID)
            try insert.run()
            coupled += 1
            inBatch += 1
            if inBatch == batchSize {
                updateJob.bind(1, Int64(coupled)); updateJob.bind(2, now); updateJob.bind(3, job)
                try updateJob.run()
                try workspace.execute("COMMIT; BEGIN IMMEDIATE")
                inBatch = 0
            }
        }
        updateJob.bind(1, Int64(coupled)); updateJob.bind(2, now); updateJob.bind(3, job)
        try updateJob.run()
        try workspace.execute("COMMIT")
        return "\(coupled) coupled, \(unmatched) unmatched"
    }

    /// The two values trimmed and case-folded (ASCII by bytes, the rest by Swift), joined by U+001F;
    /// nil when either is empty.
    private static func key(_ name: UnsafeRawBufferPointer, _ mail: UnsafeRawBufferPointer) -> String? {
        let first = folded(name), second = folded(mail)
        guard !first.isEmpty, !second.isEmpty else { return nil }
        return first + "\u{1F}" + second
    }

    private static func folded(_ bytes: UnsafeRawBufferPointer) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            var start = bytes.startIndex, end = bytes.endIndex
            while start < end, bytes[start] == 0x20 || (0x09...0x0D).contains(bytes[start]) { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || (0x09...0x0D).contains(bytes[end - 1]) { end -= 1 }
            return String(decoding: bytes[start..<end].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
