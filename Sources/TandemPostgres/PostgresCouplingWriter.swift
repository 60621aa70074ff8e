import PostgresNIO
import TandemCore

/// Applies coupling changes inside a commit's transaction. Every commit first takes the workspace's
/// commit lock (a transaction-scoped advisory lock), so, as in SQLite, one commit at a time checks
/// what is stored and writes what the check allowed: a claim by another process cannot slip in
/// between. The unique constraints on (mapping, erp_id), (mapping, crm_id) and each intent's source
/// stand behind that. A change of several statements runs in a savepoint, so a refused one leaves
/// nothing behind.
final class PostgresCouplingWriter {
    let session: PostgresSession
    /// The job making the changes: its own intents do not stand in its way.
    let claimant: JobID?
    private var othersIntend: [String: Bool] = [:]
    private var savepoints = 0

    init(session: PostgresSession, claimant: JobID?) {
        self.session = session
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
                let deleted = try session.query("DELETE FROM tandem.creation_intents WHERE new_id = ? RETURNING new_id",
                                                [.text(intent.newID.rawValue)])
                guard deleted.count == 1 else { return .couplingChangedElsewhere }
                guard let coupling else { return nil }
                if let replacing { _ = try remove(replacing) }
                return try claim(coupling)
            }
        }
    }

    /// Runs `body` in a savepoint, rolled back when it refuses.
    private func all(_ body: () throws -> RecordFailure?) throws -> RecordFailure? {
        savepoints += 1
        let name = "change_\(savepoints)"
        try session.query("SAVEPOINT \(name)")
        let refusal = try body()
        try session.query(refusal == nil ? "RELEASE SAVEPOINT \(name)" : "ROLLBACK TO SAVEPOINT \(name)")
        return refusal
    }

    private func claim(_ coupling: Coupling) throws -> RecordFailure? {
        if let job = try claimingJob(mapping: coupling.mapping, erpID: coupling.erpID, crmID: coupling.crmID) {
            return .claimedByJob(job)
        }
        let made = try session.query("""
            INSERT INTO tandem.couplings (\(Self.keyColumns), \(Self.stateColumns), version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING RETURNING erp_id
            """, Self.key(coupling) + Self.state(coupling))
        return made.isEmpty ? .alreadyCoupled : nil
    }

    private func claimingJob(mapping: String, erpID: RecordID, crmID: RecordID) throws -> JobID? {
        let claimant = self.claimant.map { PostgresValue.integer($0) } ?? .null
        if othersIntend[mapping] == nil {
            othersIntend[mapping] = try !session.query("""
                SELECT 1 FROM tandem.creation_intents WHERE mapping = ? AND job_id IS DISTINCT FROM ?::bigint LIMIT 1
                """, [.text(mapping), claimant]).isEmpty
        }
        guard othersIntend[mapping] == true else { return nil }
        return try session.query("""
            SELECT job_id FROM tandem.creation_intents
            WHERE mapping = ? AND ((side = 'crm' AND source_id = ?) OR (side = 'erp' AND source_id = ?))
              AND job_id IS DISTINCT FROM ?::bigint
            LIMIT 1
            """, [.text(mapping), .text(erpID.rawValue), .text(crmID.rawValue), claimant]).first?.decode(Int64.self)
    }

    private func update(_ coupling: Coupling) throws -> RecordFailure? {
        let updated = try session.query("""
            UPDATE tandem.couplings SET erp_synced_at = ?, crm_synced_at = ?, to_crm_ok = ?, to_crm_job = ?, to_crm_at = ?,
                from_crm_ok = ?, from_crm_job = ?, from_crm_at = ?, skipped = ?, last_error = ?, failures = ?,
                snapshot = ?, version = version + 1
            WHERE mapping = ? AND erp_id = ? AND crm_id = ? AND version = ?
            RETURNING version
            """, Self.state(coupling) + Self.key(coupling) + [.integer(coupling.version)])
        return updated.count == 1 ? nil : .couplingChangedElsewhere
    }

    private func remove(_ pair: CouplingPair) throws -> RecordFailure? {
        let removed = try session.query("""
            DELETE FROM tandem.couplings WHERE mapping = ? AND erp_id = ? AND crm_id = ? RETURNING erp_id
            """, [.text(pair.mapping), .text(pair.erpID.rawValue), .text(pair.crmID.rawValue)])
        return removed.count == 1 ? nil : .couplingChangedElsewhere
    }

    private func intend(_ intent: CreationIntent, replacing: CouplingPair?) throws -> RecordFailure? {
        if let job = try session.query("""
            SELECT job_id FROM tandem.creation_intents WHERE mapping = ? AND side = ? AND source_id = ?
            """, [.text(intent.mapping), .text(intent.side.rawValue), .text(intent.sourceID.rawValue)]).first?.decode(Int64.self) {
            return .claimedByJob(job)
        }
        let sourceColumn = intent.side == .crm ? "erp_id" : "crm_id"
        if let row = try session.query("""
            SELECT erp_id, crm_id FROM tandem.couplings WHERE mapping = ? AND \(sourceColumn) = ?
            """, [.text(intent.mapping), .text(intent.sourceID.rawValue)]).first {
            let (erpID, crmID) = try row.decode((String, String).self)
            let pair = CouplingPair(mapping: intent.mapping, erpID: RecordID(erpID), crmID: RecordID(crmID))
            if pair != replacing { return .alreadyCoupled }
        }
        try session.query("""
            INSERT INTO tandem.creation_intents (new_id, mapping, side, source_id, job_id, number) VALUES (?, ?, ?, ?, ?, ?)
            """, [.text(intent.newID.rawValue), .text(intent.mapping), .text(intent.side.rawValue),
                  .text(intent.sourceID.rawValue), .integer(intent.jobID), intent.number.map { .text($0) } ?? .null])
        if intent.jobID != claimant { othersIntend[intent.mapping] = true }
        return nil
    }

    static let keyColumns = "mapping, erp_id, crm_id"
    static let stateColumns = """
        erp_synced_at, crm_synced_at, to_crm_ok, to_crm_job, to_crm_at, from_crm_ok, from_crm_job, from_crm_at,
        skipped, last_error, failures, snapshot
        """

    static func key(_ coupling: Coupling) -> [PostgresValue] {
        [.text(coupling.mapping), .text(coupling.erpID.rawValue), .text(coupling.crmID.rawValue)]
    }

    static func state(_ coupling: Coupling) -> [PostgresValue] {
        let toCRM = coupling.lastResultToCRM, fromCRM = coupling.lastResultFromCRM
        func integer(_ value: Int64?) -> PostgresValue { value.map { .integer($0) } ?? .null }
        func flag(_ value: Bool?) -> PostgresValue { value.map { .integer($0 ? 1 : 0) } ?? .null }
        return [
            integer(coupling.erpModifiedAtLastSync?.milliseconds), integer(coupling.crmModifiedAtLastSync?.milliseconds),
            flag(toCRM?.succeeded), integer(toCRM?.jobID), integer(toCRM?.at.milliseconds),
            flag(fromCRM?.succeeded), integer(fromCRM?.jobID), integer(fromCRM?.at.milliseconds),
            .integer(coupling.skipped ? 1 : 0), coupling.lastError.map { .text($0.encoded) } ?? .null,
            .integer(Int64(coupling.consecutiveFailures)), .text(FieldListCodec.encode(coupling.snapshot)),
        ]
    }
}
