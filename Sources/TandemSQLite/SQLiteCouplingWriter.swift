import GRDB
import TandemCore

/// Applies coupling changes inside the workspace's write transaction, checking each against what is
/// stored right there: SQLite runs one writer at a time, so a check and the write it guards cannot be
/// split by another process. A change that needs several statements runs in a savepoint, so a refused
/// one leaves nothing behind.
final class SQLiteCouplingWriter {
    let db: Database
    /// The workspace file, named when a stored row cannot be read.
    let path: String
    /// The job making the changes: its own intents do not stand in its way.
    let claimant: JobID?
    /// Mappings for which another job has intents, looked up once per mapping and transaction (the
    /// transaction is the only writer, so the answer holds until it ends; intents are rare, so most
    /// claims need no look-up at all).
    private var othersIntend: [String: Bool] = [:]

    init(db: Database, path: String, claimant: JobID?) {
        self.db = db
        self.path = path
        self.claimant = claimant
    }

    /// nil when the change was applied, else why it was refused.
    func apply(_ change: CouplingChange) throws -> RecordFailure? {
        switch change {
        case .claim(let coupling):
            return try claim(coupling)
        case .update(let coupling):
            return try update(coupling)
        case .remove(let pair):
            return try remove(pair)
        case .replace(let old, let new):
            return try all {
                for pair in old { if let refusal = try remove(pair) { return refusal } }
                return try claim(new)
            }
        case .intend(let intent, let replacing):
            return try intend(intent, replacing: replacing)
        case .resolve(let intent, let coupling, let replacing):
            return try all {
                try db.cachedStatement(sql: "DELETE FROM creation_intents WHERE new_id = ?")
                    .execute(arguments: [intent.newID.rawValue])
                guard db.changesCount == 1 else { return .couplingChangedElsewhere }
                guard let coupling else { return nil }
                // The pair a restore replaces may be gone already; the new one stands either way.
                if let replacing { _ = try remove(replacing) }
                return try claim(coupling)
            }
        }
    }

    /// Runs `body` in a savepoint, rolled back when it refuses.
    private func all(_ body: () throws -> RecordFailure?) throws -> RecordFailure? {
        var refusal: RecordFailure?
        try db.inSavepoint {
            refusal = try body()
            return refusal == nil ? .commit : .rollback
        }
        return refusal
    }

    private func claim(_ coupling: Coupling) throws -> RecordFailure? {
        if let job = try claimingJob(mapping: coupling.mapping, erpID: coupling.erpID, crmID: coupling.crmID) {
            return .claimedByJob(job)
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO couplings (\(Self.keyColumns), \(Self.stateColumns), version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        do {
            try insert.execute(arguments: StatementArguments(Self.key(coupling) + Self.state(coupling)))
            return nil
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return .alreadyCoupled
        }
    }

    /// The job (other than the claimant) whose creation intent claims either record of the pair.
    private func claimingJob(mapping: String, erpID: RecordID, crmID: RecordID) throws -> JobID? {
        if othersIntend[mapping] == nil {
            othersIntend[mapping] = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM creation_intents WHERE mapping = ? AND job_id IS NOT ?)
                """), arguments: [mapping, claimant]) ?? true
        }
        guard othersIntend[mapping] == true else { return nil }
        return try JobID.fetchOne(db.cachedStatement(sql: """
            SELECT job_id FROM creation_intents
            WHERE mapping = ? AND ((side = 'crm' AND source_id = ?) OR (side = 'erp' AND source_id = ?))
              AND job_id IS NOT ?
            LIMIT 1
            """), arguments: [mapping, erpID.rawValue, crmID.rawValue, claimant])
    }

    private func update(_ coupling: Coupling) throws -> RecordFailure? {
        let statement = try db.cachedStatement(sql: """
            UPDATE couplings SET erp_synced_at = ?, crm_synced_at = ?, to_crm_ok = ?, to_crm_job = ?, to_crm_at = ?,
                from_crm_ok = ?, from_crm_job = ?, from_crm_at = ?, skipped = ?, last_error = ?, failures = ?,
                snapshot = ?, version = version + 1
            WHERE mapping = ? AND erp_id = ? AND crm_id = ? AND version = ?
            """)
        try statement.execute(arguments: StatementArguments(Self.state(coupling) + Self.key(coupling) + [coupling.version]))
        return db.changesCount == 1 ? nil : .couplingChangedElsewhere
    }

    private func remove(_ pair: CouplingPair) throws -> RecordFailure? {
        try db.cachedStatement(sql: "DELETE FROM couplings WHERE mapping = ? AND erp_id = ? AND crm_id = ?")
            .execute(arguments: [pair.mapping, pair.erpID.rawValue, pair.crmID.rawValue])
        return db.changesCount == 1 ? nil : .couplingChangedElsewhere
    }

    private func intend(_ intent: CreationIntent, replacing: CouplingPair?) throws -> RecordFailure? {
        if let job = try JobID.fetchOne(db.cachedStatement(sql: """
            SELECT job_id FROM creation_intents WHERE mapping = ? AND side = ? AND source_id = ?
            """), arguments: [intent.mapping, intent.side.rawValue, intent.sourceID.rawValue]) {
            return .claimedByJob(job)
        }
        let sourceColumn = intent.side == .crm ? "erp_id" : "crm_id"
        if let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT erp_id, crm_id FROM couplings WHERE mapping = ? AND \(sourceColumn) = ?
            """), arguments: [intent.mapping, intent.sourceID.rawValue]) {
            let stored = StoredRow(row, path: path, table: "couplings") {
                "\(intent.mapping)/\(StoredRow.keyText($0[0] as DatabaseValue))"
            }
            let pair = CouplingPair(mapping: intent.mapping, erpID: RecordID(try stored.text(0)), crmID: RecordID(try stored.text(1)))
            if pair != replacing { return .alreadyCoupled }
        }
        try db.cachedStatement(sql: """
            INSERT INTO creation_intents (new_id, mapping, side, source_id, job_id, number) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [intent.newID.rawValue, intent.mapping, intent.side.rawValue,
                                     intent.sourceID.rawValue, intent.jobID, intent.number])
        if intent.jobID != claimant { othersIntend[intent.mapping] = true }
        return nil
    }

    static let keyColumns = "mapping, erp_id, crm_id"
    static let stateColumns = """
        erp_synced_at, crm_synced_at, to_crm_ok, to_crm_job, to_crm_at, from_crm_ok, from_crm_job, from_crm_at,
        skipped, last_error, failures, snapshot
        """

    static func key(_ coupling: Coupling) -> [(any DatabaseValueConvertible)?] {
        [coupling.mapping, coupling.erpID.rawValue, coupling.crmID.rawValue]
    }

    static func state(_ coupling: Coupling) -> [(any DatabaseValueConvertible)?] {
        let toCRM = coupling.lastResultToCRM, fromCRM = coupling.lastResultFromCRM
        return [
            coupling.erpModifiedAtLastSync?.milliseconds, coupling.crmModifiedAtLastSync?.milliseconds,
            toCRM?.succeeded, toCRM?.jobID, toCRM?.at.milliseconds,
            fromCRM?.succeeded, fromCRM?.jobID, fromCRM?.at.milliseconds,
            coupling.skipped, coupling.lastError?.encoded, coupling.consecutiveFailures,
            FieldListCodec.encode(coupling.snapshot),
        ]
    }
}
