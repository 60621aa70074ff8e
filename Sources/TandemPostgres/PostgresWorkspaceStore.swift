import Foundation
import PostgresNIO
import TandemCore

/// The integration state of a PostgreSQL workspace (schema `tandem`): mappings, couplings, jobs and
/// their errors, the undo log, creation intents and sync marks. `commit` is one transaction that
/// first takes the workspace's commit lock, so commits from several processes run one at a time, as
/// SQLite's single writer does (checks and the writes they guard are never split).
public final class PostgresWorkspaceStore: WorkspaceStore, @unchecked Sendable {
    let session: PostgresSession
    /// The advisory lock every commit holds until it ends.
    static let commitLock: Int64 = 7_231_000_002

    public init(session: PostgresSession) { self.session = session }

    // MARK: Mappings

    public func mappings() throws -> [TableMapping] {
        try session.query("SELECT name, definition FROM tandem.mappings ORDER BY position").map { row in
            try row.makeRandomAccess().decoded(1, table: "mappings") { try? JSONDecoder().decode(TableMapping.self, from: Data($0.utf8)) }
        }
    }

    public func save(_ mapping: TableMapping) throws {
        let definition = String(decoding: try JSONEncoder().encode(mapping), as: UTF8.self)
        try session.query("""
            INSERT INTO tandem.mappings (name, position, definition)
            VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM tandem.mappings), ?)
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition
            """, [.text(mapping.name), .text(definition)])
    }

    // MARK: Couplings

    private static let couplingColumns = """
        mapping, erp_id, crm_id, erp_synced_at, crm_synced_at, to_crm_ok, to_crm_job, to_crm_at,
        from_crm_ok, from_crm_job, from_crm_at, skipped, last_error, failures, snapshot, version
        """

    private func coupling(_ row: PostgresRow, table: String = "couplings") throws -> Coupling {
        let cells = row.makeRandomAccess()
        func result(_ ok: Int, _ job: Int, _ at: Int) throws -> PassResult? {
            guard let succeeded = try cells.optionalBool(ok), let jobID = try cells.optionalInteger(job),
                  let stamp = try cells.optionalInteger(at) else { return nil }
            return PassResult(succeeded: succeeded, jobID: jobID, at: Timestamp(milliseconds: stamp))
        }
        return Coupling(mapping: try cells.text(0), erpID: RecordID(try cells.text(1)), crmID: RecordID(try cells.text(2)),
                        erpModifiedAtLastSync: try cells.optionalInteger(3).map(Timestamp.init(milliseconds:)),
                        crmModifiedAtLastSync: try cells.optionalInteger(4).map(Timestamp.init(milliseconds:)),
                        lastResultToCRM: try result(5, 6, 7), lastResultFromCRM: try result(8, 9, 10),
                        skipped: try cells.bool(11), lastError: try cells.optionalText(12).map(RecordFailure.decode),
                        consecutiveFailures: try cells.int(13),
                        snapshot: try cells.decoded(14, table: table, FieldListCodec.decodeSnapshot), version: try cells.integer(15))
    }

    private func fetchCouplings(_ sql: String, _ values: [PostgresValue]) throws -> [Coupling] {
        try session.query("SELECT \(Self.couplingColumns) FROM tandem.couplings " + sql, values).map { try coupling($0) }
    }

    public func couplings(mapping: String, side: Side, ids: [RecordID]) throws -> [Coupling] {
        guard !ids.isEmpty else { return [] }
        let column = side == .erp ? "erp_id" : "crm_id"
        var result: [Coupling] = []
        for chunk in ids.chunked(into: 900) {
            result += try fetchCouplings("WHERE mapping = ? AND \(column) = ANY(?)", [.text(mapping), .textArray(chunk.map(\.rawValue))])
        }
        return result
    }

    public func couplings(mapping: String, after erpID: RecordID?, limit: Int) throws -> [Coupling] {
        try fetchCouplings("WHERE mapping = ? AND erp_id > ? ORDER BY erp_id LIMIT ?",
                           [.text(mapping), .text(erpID?.rawValue ?? ""), .integer(Int64(limit))])
    }

    public func coupledIDs(mapping: String, side: Side) throws -> Set<RecordID> {
        let column = side == .erp ? "erp_id" : "crm_id"
        return Set(try session.query("SELECT \(column) FROM tandem.couplings WHERE mapping = ?", [.text(mapping)])
            .map { RecordID(try $0.decode(String.self)) })
    }

    public func coupledIDs(mapping: String, side: Side, among ids: [RecordID]) throws -> Set<RecordID> {
        guard !ids.isEmpty else { return [] }
        let column = side == .erp ? "erp_id" : "crm_id"
        var result = Set<RecordID>()
        for chunk in ids.chunked(into: 900) {
            for row in try session.query("SELECT \(column) FROM tandem.couplings WHERE mapping = ? AND \(column) = ANY(?)",
                                         [.text(mapping), .textArray(chunk.map(\.rawValue))]) {
                result.insert(RecordID(try row.decode(String.self)))
            }
        }
        return result
    }

    public func couplingCount(mapping: String) throws -> Int {
        Int(try session.query("SELECT COUNT(*) FROM tandem.couplings WHERE mapping = ?", [.text(mapping)]).first?.decode(Int64.self) ?? 0)
    }

    public func problemCouplings() throws -> [Coupling] {
        try fetchCouplings("WHERE skipped = 1 OR to_crm_ok = 0 OR from_crm_ok = 0 ORDER BY mapping, erp_id", [])
    }

    public func unsettledCouplings(mapping: String) throws -> [Coupling] {
        var found: [String: Coupling] = [:]
        for coupling in try fetchCouplings("""
            WHERE mapping = ? AND (erp_synced_at IS NULL OR crm_synced_at IS NULL OR skipped = 1 OR to_crm_ok = 0 OR from_crm_ok = 0)
            """, [.text(mapping)]) where coupling.isUnsettled {
            found[coupling.erpID.rawValue] = coupling
        }
        return found.keys.sorted().compactMap { found[$0] }
    }

    public func syncMark(mapping: String, side: Side) throws -> Timestamp? {
        try session.query("SELECT modified_at FROM tandem.sync_marks WHERE mapping = ? AND side = ?",
                          [.text(mapping), .text(side.rawValue)]).first.map { Timestamp(milliseconds: try $0.decode(Int64.self)) }
    }

    // MARK: Jobs

    private static let jobColumns = """
        id, type, mapping, direction, started_at, finished_at, inserted, modified, unchanged, skipped, failed,
        deleted, coupled, uncoupled, message, undone_by, owner, interrupted, changed_elsewhere, overwritten
        """

    private func job(_ row: PostgresRow) throws -> SyncJob {
        let cells = row.makeRandomAccess()
        var counters = JobCounters()
        counters.inserted = try cells.int(6)
        counters.modified = try cells.int(7)
        counters.unchanged = try cells.int(8)
        counters.skipped = try cells.int(9)
        counters.failed = try cells.int(10)
        counters.deleted = try cells.int(11)
        counters.coupled = try cells.int(12)
        counters.uncoupled = try cells.int(13)
        counters.changedElsewhere = try cells.int(18)
        counters.overwritten = try cells.int(19)
        let direction = try cells.optionalText(3).map { text -> SyncDirection in
            guard let direction = SyncDirection(rawValue: text) else {
                throw PostgresStoredDataError(table: "jobs", column: "direction", value: text)
            }
            return direction
        }
        return SyncJob(id: try cells.integer(0), type: try cells.value(1, as: JobType.self, table: "jobs"), mapping: try cells.text(2),
                       direction: direction, startedAt: Timestamp(milliseconds: try cells.integer(4)),
                       finishedAt: try cells.optionalInteger(5).map(Timestamp.init(milliseconds:)),
                       counters: counters, note: JobNote.decode(try cells.text(14)), undoneBy: try cells.optionalInteger(15),
                       owner: try cells.optionalText(16), interrupted: try cells.bool(17))
    }

    public func startJob(_ job: NewJob) throws -> SyncJob {
        let id = try session.query("""
            INSERT INTO tandem.jobs (type, mapping, direction, started_at, owner) VALUES (?, ?, ?, ?, ?) RETURNING id
            """, [.text(job.type.rawValue), .text(job.mapping), job.direction.map { .text($0.rawValue) } ?? .null,
                  .integer(job.startedAt.milliseconds), job.owner.map { .text($0) } ?? .null]).first?.decode(Int64.self) ?? 0
        return SyncJob(id: id, type: job.type, mapping: job.mapping, direction: job.direction, startedAt: job.startedAt, owner: job.owner)
    }

    public func unfinishedJobs() throws -> [SyncJob] {
        try session.query("SELECT \(Self.jobColumns) FROM tandem.jobs WHERE finished_at IS NULL ORDER BY id").map(job)
    }

    public func markInterrupted(_ ids: [JobID], at: Timestamp) throws -> [JobID] {
        try session.transaction {
            try ids.filter { id in
                try !session.query("""
                    UPDATE tandem.jobs SET finished_at = ?, interrupted = 1 WHERE id = ? AND finished_at IS NULL RETURNING id
                    """, [.integer(at.milliseconds), .integer(id)]).isEmpty
            }
        }
    }

    public func jobs(limit: Int) throws -> [SyncJob] {
        try session.query("SELECT \(Self.jobColumns) FROM tandem.jobs ORDER BY id DESC LIMIT ?", [.integer(Int64(limit))]).map(job)
    }

    public func job(_ id: JobID) throws -> SyncJob? {
        try session.query("SELECT \(Self.jobColumns) FROM tandem.jobs WHERE id = ?", [.integer(id)]).first.map(job)
    }

    public func jobErrors(_ id: JobID) throws -> [JobError] {
        try session.query("""
            SELECT job_id, at, message, source_side, source_id, destination_id FROM tandem.job_errors WHERE job_id = ? ORDER BY id
            """, [.integer(id)]).map { row in
            let cells = row.makeRandomAccess()
            return JobError(jobID: try cells.integer(0), at: Timestamp(milliseconds: try cells.integer(1)),
                            reason: RecordFailure.decode(try cells.text(2)), sourceSide: try cells.value(3, as: Side.self, table: "job_errors"),
                            sourceID: try cells.optionalText(4).map(RecordID.init), destinationID: try cells.optionalText(5).map(RecordID.init))
        }
    }

    public func recordChanges(_ job: JobID, after: Int64?, limit: Int) throws -> RecordChangePage {
        var last: Int64?
        let changes = try session.query("""
            SELECT id, job_id, side, table_name, record_id, modified_at_after, created, fields FROM tandem.record_changes
            WHERE job_id = ? AND id > ? ORDER BY id LIMIT ?
            """, [.integer(job), .integer(after ?? 0), .integer(Int64(limit))]).map { row in
            let cells = row.makeRandomAccess()
            last = try cells.integer(0)
            return RecordChange(jobID: try cells.integer(1), side: try cells.value(2, as: Side.self, table: "record_changes"),
                                table: try cells.text(3), recordID: RecordID(try cells.text(4)),
                                modifiedAtAfter: Timestamp(milliseconds: try cells.integer(5)), created: try cells.bool(6),
                                fields: try cells.decoded(7, table: "record_changes", FieldListCodec.decodeFields))
        }
        return RecordChangePage(changes: changes, last: last)
    }

    public func recordChangeCount(_ job: JobID) throws -> Int {
        Int(try session.query("SELECT COUNT(*) FROM tandem.record_changes WHERE job_id = ?", [.integer(job)]).first?.decode(Int64.self) ?? 0)
    }

    public func couplingsBefore(_ job: JobID, mapping: String, erpIDs: [RecordID]) throws -> [RecordID: Coupling] {
        var result: [RecordID: Coupling] = [:]
        for chunk in erpIDs.chunked(into: 900) {
            for row in try session.query("""
                SELECT \(PostgresCouplingWriter.keyColumns), \(PostgresCouplingWriter.stateColumns), 0::bigint AS version
                FROM tandem.coupling_changes WHERE job_id = ? AND mapping = ? AND erp_id = ANY(?)
                """, [.integer(job), .text(mapping), .textArray(chunk.map(\.rawValue))]) {
                let coupling = try coupling(row, table: "coupling_changes")
                result[coupling.erpID] = coupling
            }
        }
        return result
    }

    public func creationIntents(mapping: String) throws -> [CreationIntent] {
        try session.query("""
            SELECT new_id, mapping, side, source_id, job_id, number FROM tandem.creation_intents WHERE mapping = ? ORDER BY new_id
            """, [.text(mapping)]).map { row in
            let cells = row.makeRandomAccess()
            return CreationIntent(newID: RecordID(try cells.text(0)), mapping: try cells.text(1),
                                  side: try cells.value(2, as: Side.self, table: "creation_intents"),
                                  sourceID: RecordID(try cells.text(3)), jobID: try cells.integer(4), number: try cells.optionalText(5))
        }
    }

    public func deleteJobs(startedBefore cutoff: Timestamp?) throws -> Int {
        let stamp = cutoff.map { PostgresValue.integer($0.milliseconds) } ?? .null
        return try session.query("""
            DELETE FROM tandem.jobs WHERE (?::bigint IS NULL OR started_at < ?::bigint)
            AND id NOT IN (SELECT to_crm_job FROM tandem.couplings WHERE skipped = 1 AND to_crm_ok = 0 AND to_crm_job IS NOT NULL
                           UNION SELECT from_crm_job FROM tandem.couplings WHERE skipped = 1 AND from_crm_ok = 0 AND from_crm_job IS NOT NULL)
            RETURNING id
            """, [stamp, stamp]).count
    }

    // MARK: Commit

    @discardableResult
    public func commit(_ changes: WorkspaceChanges) throws -> CouplingRefusals {
        guard !changes.isEmpty else { return [:] }
        return try session.transaction {
            try session.query("SELECT pg_advisory_xact_lock(?)", [.integer(Self.commitLock)])
            var refused: CouplingRefusals = [:]
            let updates = changes.couplings.compactMap { change -> Coupling? in if case .update(let coupling) = change { coupling } else { nil } }
            if updates.count > 1, updates.count == changes.couplings.count,
               Set(updates.map { CouplingKey(mapping: $0.mapping, erpID: $0.erpID) }).count == updates.count {
                // A batch of updates only (a synchronization's): one statement for all.
                let updated = try updateCouplings(updates)
                for (index, coupling) in updates.enumerated() where !updated.contains(CouplingKey(mapping: coupling.mapping, erpID: coupling.erpID)) {
                    refused[index] = .couplingChangedElsewhere
                }
            } else {
                let couplings = PostgresCouplingWriter(session: session, claimant: changes.jobID)
                for (index, change) in changes.couplings.enumerated() {
                    if let refusal = try couplings.apply(change) { refused[index] = refusal }
                }
            }
            if !changes.jobErrors.isEmpty { try insertJobErrors(changes.jobErrors) }
            // A job may meet a pair twice (a merge's two sides): the state it first found is the one kept.
            if !changes.couplingsBefore.isEmpty { try insertCouplingsBefore(changes.couplingsBefore) }
            if !changes.recordChanges.isEmpty { try insertRecordChanges(changes.recordChanges) }
            for job in changes.updatedJobs {
                let counters = job.counters
                try session.query("""
                    UPDATE tandem.jobs SET finished_at = ?, inserted = ?, modified = ?, unchanged = ?, skipped = ?, failed = ?,
                        deleted = ?, coupled = ?, uncoupled = ?, changed_elsewhere = ?, overwritten = ?, message = ?,
                        undone_by = ?, interrupted = ?
                    WHERE id = ?
                    """, [job.finishedAt.map { .integer($0.milliseconds) } ?? .null, .integer(Int64(counters.inserted)),
                          .integer(Int64(counters.modified)), .integer(Int64(counters.unchanged)), .integer(Int64(counters.skipped)),
                          .integer(Int64(counters.failed)), .integer(Int64(counters.deleted)), .integer(Int64(counters.coupled)),
                          .integer(Int64(counters.uncoupled)), .integer(Int64(counters.changedElsewhere)),
                          .integer(Int64(counters.overwritten)), .text(job.note.encoded), job.undoneBy.map { .integer($0) } ?? .null,
                          .integer(job.interrupted ? 1 : 0), .integer(job.id)])
            }
            for mark in changes.syncMarks {
                try session.query("""
                    INSERT INTO tandem.sync_marks (mapping, side, modified_at) VALUES (?, ?, ?)
                    ON CONFLICT (mapping, side) DO UPDATE SET modified_at = GREATEST(tandem.sync_marks.modified_at, excluded.modified_at)
                    """, [.text(mark.mapping), .text(mark.side.rawValue), .integer(mark.modifiedAt.milliseconds)])
            }
            return refused
        }
    }
}
