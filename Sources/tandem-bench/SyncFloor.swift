import Foundation
import TandemCore
import TandemSQLite

/// The floor of a to-CRM synchronization of every coupled customer: the same I/O as the operation,
/// written straight against SQLite's C API with no framework. Per batch of `batchSize` couplings:
/// read the coupling rows (snapshot included), read each pair's ERP and CRM row by id, compare the
/// mapped fields byte by byte, update the CRM rows that differ (conditional on their version), rewrite
/// every coupling row (timestamps, result, snapshot, version), and per updated record insert one undo
/// row and the coupling as the job found it (for undo), in one transaction per database per batch
/// (CRM committed first), with the job's counters.
enum SyncFloor {
    static func run(folder: String, batchSize: Int = 5_000) throws -> String {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let workspace = try RawDatabase(path: path(SQLiteWorkspace.workspaceFileName))
        let erp = try RawDatabase(path: path(SQLiteWorkspace.erpFileName))
        let crm = try RawDatabase(path: path(SQLiteWorkspace.crmFileName))
        // The fields a to-CRM pass carries, in the snapshot's order (by ERP name).
        let fields = DefaultMappings.customer.enabledFields.sorted { $0.erpField < $1.erpField }
        let erpNames = fields.map { Array($0.erpField.utf8) }, crmNames = fields.map { Array($0.crmField.utf8) }
        let erpColumns = fields.map { "\"\($0.erpField)\"" }.joined(separator: ", ")
        let crmColumns = fields.map { "\"\($0.crmField)\"" }.joined(separator: ", ")
        let readCouplings = try workspace.prepare("""
            SELECT erp_id, crm_id, version, snapshot, erp_synced_at, crm_synced_at, to_crm_ok, to_crm_job, to_crm_at,
                from_crm_ok, from_crm_job, from_crm_at, skipped, failures, last_error
            FROM couplings WHERE mapping = 'CUSTOMER' AND erp_id > ? ORDER BY erp_id LIMIT ?
            """)
        let readERP = try erp.prepare("SELECT modifiedAt, \(erpColumns) FROM Customer WHERE id = ?")
        let readCRM = try crm.prepare("SELECT modifiedAt, \(crmColumns) FROM account WHERE id = ?")
        let updateCRM = try crm.prepare("""
            UPDATE account SET \(fields.map { "\"\($0.crmField)\" = ?" }.joined(separator: ", ")), modifiedAt = ?
            WHERE id = ? AND modifiedAt = ?
            """)
        let updateCoupling = try workspace.prepare("""
            UPDATE couplings SET erp_synced_at = ?, crm_synced_at = ?, to_crm_ok = 1, to_crm_job = ?, to_crm_at = ?,
                skipped = 0, last_error = NULL, failures = 0, snapshot = ?, version = version + 1
            WHERE mapping = 'CUSTOMER' AND erp_id = ? AND crm_id = ? AND version = ?
            """)
        let insertChange = try workspace.prepare("""
            INSERT INTO record_changes (job_id, side, table_name, record_id, modified_at_after, created, fields)
            VALUES (?, 'crm', 'account', ?, ?, 0, ?)
            """)
        let keepBefore = try workspace.prepare("""
            INSERT OR IGNORE INTO coupling_changes (job_id, mapping, erp_id, crm_id, snapshot, erp_synced_at, crm_synced_at,
                to_crm_ok, to_crm_job, to_crm_at, from_crm_ok, from_crm_job, from_crm_at, skipped, failures, last_error)
            VALUES (?, 'CUSTOMER', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let updateJob = try workspace.prepare("UPDATE jobs SET modified = ?, unchanged = ?, finished_at = ? WHERE id = ?")
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try workspace.execute("INSERT INTO jobs (type, mapping, direction, started_at) VALUES ('synchronization', 'CUSTOMER', 'toCRM', \(now))")
        let job = workspace.lastInsertedRowID
        var modified = 0, unchanged = 0
        var after = ""
        var snapshot = ListBytes(), change = ListBytes()
        var differing = [Bool](repeating: false, count: fields.count)
        while true {
            try workspace.execute("BEGIN IMMEDIATE")
            try crm.execute("BEGIN IMMEDIATE")
            try erp.execute("BEGIN")
            var pairs: [(erp: String, crm: String, version: Int64, snapshot: [UInt8], state: [Int64?], error: String?)] = []
            pairs.reserveCapacity(batchSize)
            readCouplings.bind(1, after)
            readCouplings.bind(2, Int64(batchSize))
            while try readCouplings.step() {
                let state = (4...13).map { column in readCouplings.isNull(Int32(column)) ? nil : readCouplings.int64(Int32(column)) }
                pairs.append((readCouplings.text(0), readCouplings.text(1), readCouplings.int64(2), Array(readCouplings.bytes(3)),
                              state, readCouplings.isNull(14) ? nil : readCouplings.text(14)))
            }
            readCouplings.reset()
            guard let last = pairs.last else {
                try erp.execute("COMMIT"); try crm.execute("COMMIT"); try workspace.execute("COMMIT")
                break
            }
            after = last.erp
            for pair in pairs {
                readERP.bind(1, pair.erp)
                readCRM.bind(1, pair.crm)
                guard try readERP.step(), try readCRM.step() else { throw BenchmarkError(message: "pair \(pair.erp) is missing a record") }
                let erpVersion = readERP.int64(0)
                var crmVersion = readCRM.int64(0)
                snapshot.removeAll()
                change.removeAll()
                var anyDiffers = false
                for index in fields.indices {
                    let column = Int32(index + 1)
                    let erpValue = readERP.bytes(column)
                    differing[index] = !erpValue.elementsEqual(readCRM.bytes(column))
                    anyDiffers = anyDiffers || differing[index]
                }
                for index in fields.indices {
                    let column = Int32(index + 1)
                    snapshot.append(erpNames[index])
                    snapshot.append(readERP.bytes(column))
                    snapshot.append(readERP.bytes(column))
                    guard differing[index] else { continue }
                    change.append(crmNames[index])
                    change.append(readCRM.bytes(column))
                    change.append(readERP.bytes(column))
                }
                if anyDiffers {
                    let newVersion = max(now, crmVersion + 1)
                    for index in fields.indices { updateCRM.bind(Int32(index + 1), columnOf: readERP, Int32(index + 1)) }
                    updateCRM.bind(Int32(fields.count + 1), newVersion)
                    updateCRM.bind(Int32(fields.count + 2), pair.crm)
                    updateCRM.bind(Int32(fields.count + 3), crmVersion)
                    try updateCRM.run()
                    guard crm.changes == 1 else { throw BenchmarkError(message: "account \(pair.crm) changed under the floor") }
                    crmVersion = newVersion
                    insertChange.bind(1, job)
                    insertChange.bind(2, pair.crm)
                    insertChange.bind(3, newVersion)
                    insertChange.bind(4, bytes: change.bytes)
                    try insertChange.run()
                    keepBefore.bind(1, job)
                    keepBefore.bind(2, pair.erp)
                    keepBefore.bind(3, pair.crm)
                    keepBefore.bind(4, bytes: pair.snapshot)
                    for (offset, value) in pair.state.enumerated() {
                        if let value { keepBefore.bind(Int32(5 + offset), value) } else { keepBefore.bindNull(Int32(5 + offset)) }
                    }
                    if let error = pair.error { keepBefore.bind(15, error) } else { keepBefore.bindNull(15) }
                    try keepBefore.run()
                    modified += 1
                } else {
                    unchanged += 1
                }
                readERP.reset()
                readCRM.reset()
                updateCoupling.bind(1, erpVersion)
                updateCoupling.bind(2, crmVersion)
                updateCoupling.bind(3, job)
                updateCoupling.bind(4, now)
                updateCoupling.bind(5, bytes: snapshot.bytes)
                updateCoupling.bind(6, pair.erp)
                updateCoupling.bind(7, pair.crm)
                updateCoupling.bind(8, pair.version)
                try updateCoupling.run()
            }
            try erp.execute("COMMIT")
            try crm.execute("COMMIT")
            updateJob.bind(1, Int64(modified))
            updateJob.bind(2, Int64(unchanged))
            updateJob.bind(3, now)
            updateJob.bind(4, job)
            try updateJob.run()
            try workspace.execute("COMMIT")
        }
        return "\(modified) modified, \(unchanged) unchanged"
    }
}
