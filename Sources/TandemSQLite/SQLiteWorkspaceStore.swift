import Foundation
import GRDB
import TandemCore

/// The workspace in SQLite. `commit` is one transaction; couplings are written with cached statements.
public final class SQLiteWorkspaceStore: WorkspaceStore {
    private let pool: DatabasePool

    init(pool: DatabasePool) { self.pool = pool }

    // MARK: Mappings

    public func mappings() throws -> [TableMapping] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT definition FROM mappings ORDER BY position").map {
                try JSONDecoder().decode(TableMapping.self, from: Data($0.utf8))
            }
        }
    }

    public func save(_ mapping: TableMapping) throws {
        let definition = String(decoding: try JSONEncoder().encode(mapping), as: UTF8.self)
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO mappings (name, position, definition)
                VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM mappings), ?)
                ON CONFLICT (name) DO UPDATE SET definition = excluded.definition
                """, arguments: [mapping.name, definition])
        }
    }

    // MARK: Couplings

    private static let couplingColumns = """
        mapping, erp_id, crm_id, erp_synced_at, crm_synced_at, to_crm_ok, to_crm_job, to_crm_at,
        from_crm_ok, from_crm_job, from_crm_at, skipped, last_error, failures, snapshot
        """

    private static func coupling(_ row: Row) -> Coupling {
        func result(_ ok: Int, _ job: Int, _ at: Int) -> PassResult? {
            guard let succeeded = row[ok] as Bool?, let jobID = row[job] as Int64?, let stamp = row[at] as Int64? else {
                return nil
            }
            return PassResult(succeeded: succeeded, jobID: jobID, at: Timestamp(milliseconds: stamp))
        }
        return Coupling(mapping: row[0], erpID: RecordID(row[1] as String), crmID: RecordID(row[2] as String),
                        erpModifiedAtLastSync: (row[3] as Int64?).map(Timestamp.init(milliseconds:)),
                        crmModifiedAtLastSync: (row[4] as Int64?).map(Timestamp.init(milliseconds:)),
                        lastResultToCRM: result(5, 6, 7), lastResultFromCRM: result(8, 9, 10),
                        skipped: row[11], lastError: row[12], consecutiveFailures: row[13],
                        snapshot: FieldListCodec.decodeSnapshot(row[14]))
    }

    private func fetchCouplings(_ sql: String, _ arguments: StatementArguments) throws -> [Coupling] {
        try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.couplingColumns) FROM couplings " + sql),
                             arguments: arguments).map(Self.coupling)
        }
    }

    public func couplings(mapping: String, side: Side, ids: [RecordID]) throws -> [Coupling] {
        guard !ids.isEmpty else { return [] }
        let column = side == .erp ? "erp_id" : "crm_id"
        var result: [Coupling] = []
        for chunk in ids.chunked(into: 900) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            result += try fetchCouplings("WHERE mapping = ? AND \(column) IN (\(marks))",
                                         StatementArguments([mapping] + chunk.map(\.rawValue)))
        }
        return result
    }

    public func couplings(mapping: String, after erpID: RecordID?, limit: Int) throws -> [Coupling] {
        try fetchCouplings("WHERE mapping = ? AND erp_id > ? ORDER BY erp_id LIMIT ?",
                           [mapping, erpID?.rawValue ?? "", limit])
    }

    public func coupledIDs(mapping: String, side: Side) throws -> Set<RecordID> {
        let column = side == .erp ? "erp_id" : "crm_id"
        return try pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT \(column) FROM couplings WHERE mapping = ?", arguments: [mapping])
                .map(RecordID.init))
        }
    }

    public func couplingCount(mapping: String) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM couplings WHERE mapping = ?", arguments: [mapping]) ?? 0
        }
    }

    public func problemCouplings() throws -> [Coupling] {
        try fetchCouplings("WHERE skipped = 1 OR to_crm_ok = 0 OR from_crm_ok = 0 ORDER BY mapping, erp_id", [])
    }

    // MARK: Jobs

    private static let jobColumns = """
        id, type, mapping, direction, started_at, finished_at, inserted, modified, unchanged, skipped, failed,
        deleted, coupled, uncoupled, message, undone_by
        """

    private static func job(_ row: Row) -> SyncJob {
        var counters = JobCounters()
        counters.inserted = row[6]
        counters.modified = row[7]
        counters.unchanged = row[8]
        counters.skipped = row[9]
        counters.failed = row[10]
        counters.deleted = row[11]
        counters.coupled = row[12]
        counters.uncoupled = row[13]
        return SyncJob(id: row[0], type: JobType(rawValue: row[1]) ?? .synchronization, mapping: row[2],
                       direction: (row[3] as String?).flatMap(SyncDirection.init(rawValue:)),
                       startedAt: Timestamp(milliseconds: row[4]),
                       finishedAt: (row[5] as Int64?).map(Timestamp.init(milliseconds:)),
                       counters: counters, message: row[14], undoneBy: row[15])
    }

    public func startJob(_ job: NewJob) throws -> SyncJob {
        let id = try pool.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO jobs (type, mapping, direction, started_at) VALUES (?, ?, ?, ?)",
                           arguments: [job.type.rawValue, job.mapping, job.direction?.rawValue, job.startedAt.milliseconds])
            return db.lastInsertedRowID
        }
        return SyncJob(id: id, type: job.type, mapping: job.mapping, direction: job.direction, startedAt: job.startedAt)
    }

    public func jobs(limit: Int) throws -> [SyncJob] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.jobColumns) FROM jobs ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(Self.job)
        }
    }

    public func job(_ id: JobID) throws -> SyncJob? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.jobColumns) FROM jobs WHERE id = ?", arguments: [id]).map(Self.job)
        }
    }

    public func jobErrors(_ id: JobID) throws -> [JobError] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT job_id, at, message, source_side, source_id, destination_id FROM job_errors
                WHERE job_id = ? ORDER BY id
                """, arguments: [id]).map { row in
                JobError(jobID: row[0], at: Timestamp(milliseconds: row[1]), message: row[2],
                         sourceSide: Side(rawValue: row[3]) ?? .erp, sourceID: (row[4] as String?).map(RecordID.init),
                         destinationID: (row[5] as String?).map(RecordID.init))
            }
        }
    }

    public func recordChanges(_ job: JobID, after: Int64?, limit: Int) throws -> RecordChangePage {
        try pool.read { db in
            var last: Int64?
            let changes = try Row.fetchAll(db, sql: """
                SELECT id, job_id, side, table_name, record_id, modified_at_after, created, fields FROM record_changes
                WHERE job_id = ? AND id > ? ORDER BY id LIMIT ?
                """, arguments: [job, after ?? 0, limit]).map { row in
                last = row[0]
                return RecordChange(jobID: row[1], side: Side(rawValue: row[2]) ?? .erp, table: row[3],
                                    recordID: RecordID(row[4] as String), modifiedAtAfter: Timestamp(milliseconds: row[5]),
                                    created: row[6], fields: FieldListCodec.decodeFields(row[7]))
            }
            return RecordChangePage(changes: changes, last: last)
        }
    }

    public func recordChangeCount(_ job: JobID) throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record_changes WHERE job_id = ?", arguments: [job]) ?? 0 }
    }

    public func creationIntents(mapping: String) throws -> [CreationIntent] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT new_id, mapping, side, source_id, job_id FROM creation_intents WHERE mapping = ? ORDER BY new_id
                """, arguments: [mapping]).map { row in
                CreationIntent(newID: RecordID(row[0] as String), mapping: row[1], side: Side(rawValue: row[2]) ?? .crm,
                               sourceID: RecordID(row[3] as String), jobID: row[4])
            }
        }
    }

    public func deleteJobs(startedBefore cutoff: Timestamp?) throws -> Int {
        try pool.write { db in
            try db.execute(sql: """
                DELETE FROM jobs WHERE (? IS NULL OR started_at < ?)
                AND id NOT IN (SELECT to_crm_job FROM couplings WHERE skipped = 1 AND to_crm_ok = 0
                               UNION SELECT from_crm_job FROM couplings WHERE skipped = 1 AND from_crm_ok = 0)
                """, arguments: [cutoff?.milliseconds, cutoff?.milliseconds])
            return db.changesCount
        }
    }

    // MARK: Commit

    public func commit(_ changes: WorkspaceChanges) throws {
        guard !changes.isEmpty else { return }
        try pool.write { db in
            let remove = try db.cachedStatement(sql: "DELETE FROM couplings WHERE mapping = ? AND erp_id = ?")
            for key in changes.removedCouplings {
                try remove.execute(arguments: [key.mapping, key.erpID.rawValue])
            }
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO couplings (\(Self.couplingColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (mapping, erp_id) DO UPDATE SET
                    crm_id = excluded.crm_id, erp_synced_at = excluded.erp_synced_at,
                    crm_synced_at = excluded.crm_synced_at, to_crm_ok = excluded.to_crm_ok,
                    to_crm_job = excluded.to_crm_job, to_crm_at = excluded.to_crm_at,
                    from_crm_ok = excluded.from_crm_ok, from_crm_job = excluded.from_crm_job,
                    from_crm_at = excluded.from_crm_at, skipped = excluded.skipped,
                    last_error = excluded.last_error, failures = excluded.failures, snapshot = excluded.snapshot
                """)
            // Most writes update a pair in place: set everything but the pair itself, so the unique
            // index on the CRM id (random keys) is not rewritten; only new or re-paired couplings
            // take the upsert.
            let update = try db.cachedStatement(sql: """
                UPDATE couplings SET erp_synced_at = ?, crm_synced_at = ?, to_crm_ok = ?, to_crm_job = ?, to_crm_at = ?,
                    from_crm_ok = ?, from_crm_job = ?, from_crm_at = ?, skipped = ?, last_error = ?, failures = ?,
                    snapshot = ?
                WHERE mapping = ? AND erp_id = ? AND crm_id = ?
                """)
            for coupling in changes.upsertedCouplings {
                let toCRM = coupling.lastResultToCRM, fromCRM = coupling.lastResultFromCRM
                let state: [(any DatabaseValueConvertible)?] = [
                    coupling.erpModifiedAtLastSync?.milliseconds, coupling.crmModifiedAtLastSync?.milliseconds,
                    toCRM?.succeeded, toCRM?.jobID, toCRM?.at.milliseconds,
                    fromCRM?.succeeded, fromCRM?.jobID, fromCRM?.at.milliseconds,
                    coupling.skipped, coupling.lastError, coupling.consecutiveFailures,
                    FieldListCodec.encode(coupling.snapshot),
                ]
                let key: [(any DatabaseValueConvertible)?] = [coupling.mapping, coupling.erpID.rawValue, coupling.crmID.rawValue]
                try update.execute(arguments: StatementArguments(state + key))
                if db.changesCount == 1 { continue }
                do {
                    try upsert.execute(arguments: StatementArguments(key + state))
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    let holder = try String.fetchOne(db, sql: "SELECT erp_id FROM couplings WHERE mapping = ? AND crm_id = ?",
                                                     arguments: [coupling.mapping, coupling.crmID.rawValue])
                    throw WorkspaceStoreError.crmRecordCoupledTwice(mapping: coupling.mapping, crmID: coupling.crmID,
                                                                     erpID: RecordID(holder ?? "?"))
                }
            }
            let addError = try db.cachedStatement(sql: """
                INSERT INTO job_errors (job_id, at, message, source_side, source_id, destination_id) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for error in changes.jobErrors {
                try addError.execute(arguments: [error.jobID, error.at.milliseconds, error.message, error.sourceSide.rawValue,
                                                 error.sourceID?.rawValue, error.destinationID?.rawValue])
            }
            let addChange = try db.cachedStatement(sql: """
                INSERT INTO record_changes (job_id, side, table_name, record_id, modified_at_after, created, fields)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for change in changes.recordChanges {
                try addChange.execute(arguments: [change.jobID, change.side.rawValue, change.table, change.recordID.rawValue,
                                                  change.modifiedAtAfter.milliseconds, change.created,
                                                  FieldListCodec.encode(change.fields)])
            }
            let addIntent = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO creation_intents (new_id, mapping, side, source_id, job_id) VALUES (?, ?, ?, ?, ?)
                """)
            for intent in changes.addedIntents {
                try addIntent.execute(arguments: [intent.newID.rawValue, intent.mapping, intent.side.rawValue,
                                                  intent.sourceID.rawValue, intent.jobID])
            }
            let removeIntent = try db.cachedStatement(sql: "DELETE FROM creation_intents WHERE new_id = ?")
            for id in changes.removedIntents { try removeIntent.execute(arguments: [id.rawValue]) }
            let updateJob = try db.cachedStatement(sql: """
                UPDATE jobs SET finished_at = ?, inserted = ?, modified = ?, unchanged = ?, skipped = ?, failed = ?,
                    deleted = ?, coupled = ?, uncoupled = ?, message = ?, undone_by = ? WHERE id = ?
                """)
            for job in changes.updatedJobs {
                let counters = job.counters
                try updateJob.execute(arguments: [
                    job.finishedAt?.milliseconds, counters.inserted, counters.modified, counters.unchanged,
                    counters.skipped, counters.failed, counters.deleted, counters.coupled, counters.uncoupled,
                    job.message, job.undoneBy, job.id,
                ])
            }
        }
    }
}
