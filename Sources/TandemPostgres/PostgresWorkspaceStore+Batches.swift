import TandemCore

/// A commit's many rows written as one statement each (`PostgresRecordset`): a synchronization batch
/// of 5,000 pairs updates its couplings, and logs what it changed for undo, in a handful of
/// statements instead of some fifteen thousand round trips.
extension PostgresWorkspaceStore {
    static let stateTypes: [(name: String, type: String)] = [
        ("erp_synced_at", "bigint"), ("crm_synced_at", "bigint"), ("to_crm_ok", "integer"), ("to_crm_job", "bigint"),
        ("to_crm_at", "bigint"), ("from_crm_ok", "integer"), ("from_crm_job", "bigint"), ("from_crm_at", "bigint"),
        ("skipped", "integer"), ("last_error", "text"), ("failures", "integer"), ("snapshot", "text"),
    ]
    static let keyTypes: [(name: String, type: String)] = [("mapping", "text"), ("erp_id", "text"), ("crm_id", "text")]

    /// Updates the couplings, each only at the version it was read at (as `PostgresCouplingWriter`
    /// does one at a time); returns the keys of those updated. The couplings are of distinct pairs.
    func updateCouplings(_ couplings: [Coupling]) throws -> Set<CouplingKey> {
        var rows = PostgresRecordset(Self.keyTypes + [("version", "bigint")] + Self.stateTypes)
        for coupling in couplings {
            rows.append(PostgresCouplingWriter.key(coupling) + [.integer(coupling.version)] + PostgresCouplingWriter.state(coupling))
        }
        let assignments = Self.stateTypes.map { "\($0.name) = v.\($0.name)" }.joined(separator: ", ")
        return Set(try session.query("""
            UPDATE tandem.couplings c SET \(assignments), version = c.version + 1 FROM \(rows.source)
            WHERE c.mapping = v.mapping AND c.erp_id = v.erp_id AND c.crm_id = v.crm_id AND c.version = v.version
            RETURNING c.mapping, c.erp_id
            """, [rows.argument]).map { row in
                let (mapping, erpID) = try row.decode((String, String).self)
                return CouplingKey(mapping: mapping, erpID: RecordID(erpID))
            })
    }

    /// The couplings as a job found them; a pair met twice keeps the state first found.
    func insertCouplingsBefore(_ befores: [CouplingBefore]) throws {
        var rows = PostgresRecordset([("job_id", "bigint")] + Self.keyTypes + Self.stateTypes)
        for before in befores {
            rows.append([.integer(before.jobID)] + PostgresCouplingWriter.key(before.coupling) + PostgresCouplingWriter.state(before.coupling))
        }
        let columns = rows.columns.map(\.name).joined(separator: ", ")
        try session.query("""
            INSERT INTO tandem.coupling_changes (\(columns)) SELECT \(rows.columns.map { "v.\($0.name)" }.joined(separator: ", "))
            FROM \(rows.source) ORDER BY v.n ON CONFLICT DO NOTHING
            """, [rows.argument])
    }

    /// A job's undo log, in the order given.
    func insertRecordChanges(_ changes: [RecordChange]) throws {
        var rows = PostgresRecordset([("job_id", "bigint"), ("side", "text"), ("table_name", "text"), ("record_id", "text"),
                                      ("modified_at_after", "bigint"), ("created", "integer"), ("fields", "text")])
        for change in changes {
            rows.append([.integer(change.jobID), .text(change.side.rawValue), .text(change.table), .text(change.recordID.rawValue),
                         .integer(change.modifiedAtAfter.milliseconds), .integer(change.created ? 1 : 0),
                         .text(FieldListCodec.encode(change.fields))])
        }
        let columns = rows.columns.map(\.name).joined(separator: ", ")
        try session.query("""
            INSERT INTO tandem.record_changes (\(columns)) SELECT \(rows.columns.map { "v.\($0.name)" }.joined(separator: ", "))
            FROM \(rows.source) ORDER BY v.n
            """, [rows.argument])
    }

    /// A job's errors, in the order given.
    func insertJobErrors(_ errors: [JobError]) throws {
        var rows = PostgresRecordset([("job_id", "bigint"), ("at", "bigint"), ("message", "text"), ("source_side", "text"),
                                      ("source_id", "text"), ("destination_id", "text")])
        for error in errors {
            rows.append([.integer(error.jobID), .integer(error.at.milliseconds), .text(error.reason.encoded), .text(error.sourceSide.rawValue),
                         error.sourceID.map { .text($0.rawValue) } ?? .null, error.destinationID.map { .text($0.rawValue) } ?? .null])
        }
        let columns = rows.columns.map(\.name).joined(separator: ", ")
        try session.query("""
            INSERT INTO tandem.job_errors (\(columns)) SELECT \(rows.columns.map { "v.\($0.name)" }.joined(separator: ", "))
            FROM \(rows.source) ORDER BY v.n
            """, [rows.argument])
    }
}
