import Foundation
import GRDB
import TandemCore

/// The workspace in SQLite. `commit` is one transaction; couplings are written with cached statements.
public final class SQLiteWorkspaceStore: WorkspaceStore {
    let pool: GuardedPool

    init(pool: GuardedPool) { self.pool = pool }

    // MARK: Mappings

    public func mappings() throws -> [TableMapping] {
        try pool.read { db in try Self.mappings(in: db, path: pool.path) }
    }

    public func save(_ mapping: TableMapping) throws {
        try pool.write { db in try Self.save(mapping, in: db) }
    }

    /// The stored mappings in their order; an undecodable definition is refused with the file's path.
    static func mappings(in db: Database, path: String) throws -> [TableMapping] {
        try Row.fetchAll(db, sql: "SELECT name, definition FROM mappings ORDER BY position").map { row in
            try StoredRow(row, path: path, table: "mappings").decoded(1) {
                try? JSONDecoder().decode(TableMapping.self, from: Data($0.utf8))
            }
        }
    }

    /// Adds a mapping at the end, or replaces the definition of the one with its name.
    static func save(_ mapping: TableMapping, in db: Database) throws {
        let definition = String(decoding: try JSONEncoder().encode(mapping), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO mappings (name, position, definition)
            VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM mappings), ?)
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition
            """, arguments: [mapping.name, definition])
    }

    // MARK: Couplings

    private static let couplingColumns = """
        mapping, erp_id, crm_id, erp_synced_at, crm_synced_at, to_crm_ok, to_crm_job, to_crm_at,
        from_crm_ok, from_crm_job, from_crm_at, skipped, last_error, failures, snapshot, version
        """

    /// A coupling row, named in messages by its mapping and ERP id.
    private func coupling(_ row: Row) throws -> Coupling {
        let stored = StoredRow(row, path: pool.path, table: "couplings") {
            "\(StoredRow.keyText($0[0] as DatabaseValue))/\(StoredRow.keyText($0[1] as DatabaseValue))"
        }
        func result(_ ok: Int, _ job: Int, _ at: Int) throws -> PassResult? {
            guard let succeeded = try stored.optionalBool(ok), let jobID = try stored.optionalInteger(job),
                  let stamp = try stored.optionalInteger(at) else {
                return nil
            }
            return PassResult(succeeded: succeeded, jobID: jobID, at: Timestamp(milliseconds: stamp))
        }
        return Coupling(mapping: try stored.text(0), erpID: RecordID(try stored.text(1)), crmID: RecordID(try stored.text(2)),
                        erpModifiedAtLastSync: try stored.optionalInteger(3).map(Timestamp.init(milliseconds:)),
                        crmModifiedAtLastSync: try stored.optionalInteger(4).map(Timestamp.init(milliseconds:)),
                        lastResultToCRM: try result(5, 6, 7), lastResultFromCRM: try result(8, 9, 10),
                        skipped: try stored.bool(11), lastError: try stored.optionalText(12).map(RecordFailure.decode),
                        consecutiveFailures: try stored.int(13),
                        snapshot: try stored.decoded(14, FieldListCodec.decodeSnapshot), version: try stored.integer(15))
    }

    /// A coupling read straight from the stepping statement (the hot path of a sync); nil when any
    /// column is not what it should be, and the row is read again by `coupling(_:)`, which names it.
    private func fastCoupling(_ columns: StatementColumns) -> Coupling? {
        guard let mapping = columns.text(0), let erpID = columns.text(1), let crmID = columns.text(2),
              let erpSynced = columns.optionalInteger(3), let crmSynced = columns.optionalInteger(4),
              let skipped = columns.integer(11), skipped == 0 || skipped == 1,
              let lastError = columns.optionalText(12), let failures = columns.integer(13).flatMap({ Int(exactly: $0) }),
              let snapshotText = columns.text(14), let snapshot = FieldListCodec.decodeSnapshot(snapshotText),
              let version = columns.integer(15) else { return nil }
        func result(_ ok: Int32, _ job: Int32, _ at: Int32) -> PassResult?? {
            guard let succeeded = columns.optionalInteger(ok), let jobID = columns.optionalInteger(job),
                  let stamp = columns.optionalInteger(at) else { return nil }
            guard let succeeded, let jobID, let stamp else { return .some(nil) }
            guard succeeded == 0 || succeeded == 1 else { return nil }
            return .some(PassResult(succeeded: succeeded == 1, jobID: jobID, at: Timestamp(milliseconds: stamp)))
        }
        guard let toCRM = result(5, 6, 7), let fromCRM = result(8, 9, 10) else { return nil }
        return Coupling(mapping: mapping, erpID: RecordID(erpID), crmID: RecordID(crmID),
                        erpModifiedAtLastSync: erpSynced.map(Timestamp.init(milliseconds:)),
                        crmModifiedAtLastSync: crmSynced.map(Timestamp.init(milliseconds:)),
                        lastResultToCRM: toCRM, lastResultFromCRM: fromCRM, skipped: skipped == 1,
                        lastError: lastError.map(RecordFailure.decode), consecutiveFailures: failures,
                        snapshot: snapshot, version: version)
    }

    /// The couplings a statement selects (`couplingColumns`), read a row at a time from the statement.
    private func readCouplings(_ db: Database, sql: String, _ arguments: StatementArguments) throws -> [Coupling] {
        let statement = try db.cachedStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let columns = StatementColumns(statement)
        var couplings: [Coupling] = []
        while let row = try rows.next() { couplings.append(try fastCoupling(columns) ?? coupling(row)) }
        return couplings
    }

    private func fetchCouplings(_ sql: String, _ arguments: StatementArguments) throws -> [Coupling] {
        try pool.read { db in try readCouplings(db, sql: "SELECT \(Self.couplingColumns) FROM couplings " + sql, arguments) }
    }

    public func couplings(mapping: String, side: Side, ids: [RecordID]) throws -> [Coupling] {
        guard !ids.isEmpty else { return [] }
        var result: [Coupling] = []
        for chunk in ids.chunked(into: 900) {
            result += try pool.read { db in
                try readCouplings(db, sql: Self.couplingsSQL(side: side, count: chunk.count),
                                  StatementArguments([mapping] + chunk.map(\.rawValue)))
            }
        }
        return result
    }

    /// The couplings of one mapping whose record on `side` is one of `count` ids. On the CRM side
    /// SQLite would plan `mapping = ? AND crm_id IN (…)` as a search on the primary key's `mapping`
    /// prefix — every coupling of the mapping — so the query names the unique (mapping, crm_id) index.
    static func couplingsSQL(side: Side, count: Int) -> String {
        let marks = Array(repeating: "?", count: count).joined(separator: ",")
        switch side {
        case .erp:
            return "SELECT \(couplingColumns) FROM couplings WHERE mapping = ? AND erp_id IN (\(marks))"
        case .crm:
            return "SELECT \(couplingColumns) FROM couplings INDEXED BY \(crmIndex) WHERE mapping = ? AND crm_id IN (\(marks))"
        }
    }

    /// The index SQLite made for the couplings table's UNIQUE (mapping, crm_id) constraint (the primary
    /// key of a WITHOUT ROWID table is the first).
    static let crmIndex = "sqlite_autoindex_couplings_2"

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

    public func coupledIDs(mapping: String, side: Side, among ids: [RecordID]) throws -> Set<RecordID> {
        guard !ids.isEmpty else { return [] }
        let column = side == .erp ? "erp_id" : "crm_id"
        var result = Set<RecordID>()
        for chunk in ids.chunked(into: 900) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try pool.read { db in
                for id in try String.fetchAll(db.cachedStatement(sql: """
                    SELECT \(column) FROM couplings WHERE mapping = ? AND \(column) IN (\(marks))
                    """), arguments: StatementArguments([mapping] + chunk.map(\.rawValue))) {
                    result.insert(RecordID(id))
                }
            }
        }
        return result
    }

    public func couplingCount(mapping: String) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM couplings WHERE mapping = ?", arguments: [mapping]) ?? 0
        }
    }

    public func problemCouplings() throws -> [Coupling] {
        try fetchCouplings("WHERE skipped = 1 OR to_crm_ok = 0 OR from_crm_ok = 0 ORDER BY mapping, erp_id", [])
    }

    public func unsettledCouplings(mapping: String) throws -> [Coupling] {
        try pool.read { db in
            var found: [String: Coupling] = [:]
            for sql in Self.unsettledSQL {
                for coupling in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [mapping]).map(coupling)
                where coupling.isUnsettled {
                    found[coupling.erpID.rawValue] = coupling
                }
            }
            return found.keys.sorted().compactMap { found[$0] }
        }
    }

    /// Never synchronized; skipped or failed (kept only when failed and not skipped): each on its
    /// partial index, named because SQLite would rather search the primary key's `mapping` prefix.
    static let unsettledSQL = [
        """
        SELECT \(couplingColumns) FROM couplings INDEXED BY couplings_unsynced
        WHERE mapping = ? AND (erp_synced_at IS NULL OR crm_synced_at IS NULL)
        """,
        """
        SELECT \(couplingColumns) FROM couplings INDEXED BY couplings_problems
        WHERE mapping = ? AND (skipped = 1 OR to_crm_ok = 0 OR from_crm_ok = 0)
        """,
    ]

    /// One writer at a time, each waiting at most the busy timeout: the sync marks' margin covers it.
    public func oldestOpenWriteStart() throws -> Timestamp? { nil }

    public func syncMark(mapping: String, side: Side) throws -> Timestamp? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT modified_at FROM sync_marks WHERE mapping = ? AND side = ?",
                               arguments: [mapping, side.rawValue]).map(Timestamp.init(milliseconds:))
        }
    }

    // MARK: Jobs

    private static let jobColumns = """
        id, type, mapping, direction, started_at, finished_at, inserted, modified, unchanged, skipped, failed,
        deleted, coupled, uncoupled, message, undone_by, owner, interrupted, changed_elsewhere, overwritten
        """

    private func job(_ row: Row) throws -> SyncJob {
        let stored = StoredRow(row, path: pool.path, table: "jobs")
        var counters = JobCounters()
        counters.inserted = try stored.int("inserted")
        counters.modified = try stored.int("modified")
        counters.unchanged = try stored.int("unchanged")
        counters.skipped = try stored.int("skipped")
        counters.failed = try stored.int("failed")
        counters.deleted = try stored.int("deleted")
        counters.coupled = try stored.int("coupled")
        counters.uncoupled = try stored.int("uncoupled")
        counters.changedElsewhere = try stored.int("changed_elsewhere")
        counters.overwritten = try stored.int("overwritten")
        return SyncJob(id: try stored.integer("id"), type: try stored.value("type", as: JobType.self), mapping: try stored.text("mapping"),
                       direction: try stored.optionalValue("direction", as: SyncDirection.self),
                       startedAt: Timestamp(milliseconds: try stored.integer("started_at")),
                       finishedAt: try stored.optionalInteger("finished_at").map(Timestamp.init(milliseconds:)),
                       counters: counters, note: JobNote.decode(try stored.text("message")), undoneBy: try stored.optionalInteger("undone_by"),
                       owner: try stored.optionalText("owner"), interrupted: try stored.bool("interrupted"))
    }

    public func startJob(_ job: NewJob) throws -> SyncJob {
        let id = try pool.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO jobs (type, mapping, direction, started_at, owner) VALUES (?, ?, ?, ?, ?)",
                           arguments: [job.type.rawValue, job.mapping, job.direction?.rawValue, job.startedAt.milliseconds,
                                       job.owner])
            return db.lastInsertedRowID
        }
        return SyncJob(id: id, type: job.type, mapping: job.mapping, direction: job.direction, startedAt: job.startedAt,
                       owner: job.owner)
    }

    public func unfinishedJobs() throws -> [SyncJob] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.jobColumns) FROM jobs WHERE finished_at IS NULL ORDER BY id")
                .map(job)
        }
    }

    public func markInterrupted(_ ids: [JobID], at: Timestamp) throws -> [JobID] {
        try pool.write { db in
            let mark = try db.cachedStatement(sql: """
                UPDATE jobs SET finished_at = ?, interrupted = 1 WHERE id = ? AND finished_at IS NULL
                """)
            return try ids.filter { id in
                try mark.execute(arguments: [at.milliseconds, id])
                return db.changesCount == 1
            }
        }
    }

    public func jobs(limit: Int) throws -> [SyncJob] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.jobColumns) FROM jobs ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(job)
        }
    }

    public func job(_ id: JobID) throws -> SyncJob? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.jobColumns) FROM jobs WHERE id = ?", arguments: [id]).map(job)
        }
    }

    public func jobErrors(_ id: JobID) throws -> [JobError] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, job_id, at, message, source_side, source_id, destination_id FROM job_errors
                WHERE job_id = ? ORDER BY id
                """, arguments: [id]).map { row in
                let stored = StoredRow(row, path: pool.path, table: "job_errors")
                return JobError(jobID: try stored.integer("job_id"), at: Timestamp(milliseconds: try stored.integer("at")),
                                reason: RecordFailure.decode(try stored.text("message")),
                                sourceSide: try stored.value("source_side", as: Side.self),
                                sourceID: try stored.optionalText("source_id").map(RecordID.init),
                                destinationID: try stored.optionalText("destination_id").map(RecordID.init))
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
                let stored = StoredRow(row, path: pool.path, table: "record_changes")
                last = try stored.integer(0)
                return RecordChange(jobID: try stored.integer(1), side: try stored.value(2, as: Side.self),
                                    table: try stored.text(3), recordID: RecordID(try stored.text(4)),
                                    modifiedAtAfter: Timestamp(milliseconds: try stored.integer(5)),
                                    created: try stored.bool(6), fields: try stored.decoded(7, FieldListCodec.decodeFields))
            }
            return RecordChangePage(changes: changes, last: last)
        }
    }

    public func couplingsBefore(_ job: JobID, mapping: String, erpIDs: [RecordID]) throws -> [RecordID: Coupling] {
        var result: [RecordID: Coupling] = [:]
        for chunk in erpIDs.chunked(into: 900) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try pool.read { db in
                try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT \(SQLiteCouplingWriter.keyColumns), \(SQLiteCouplingWriter.stateColumns), 0 AS version
                    FROM coupling_changes WHERE job_id = ? AND mapping = ? AND erp_id IN (\(marks))
                    """), arguments: StatementArguments([job, mapping] as [(any DatabaseValueConvertible)?] + chunk.map(\.rawValue)))
            }
            for row in rows {
                let coupling = try coupling(row)
                result[coupling.erpID] = coupling
            }
        }
        return result
    }

    public func recordChangeCount(_ job: JobID) throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record_changes WHERE job_id = ?", arguments: [job]) ?? 0 }
    }

    public func creationIntents(mapping: String) throws -> [CreationIntent] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT new_id, mapping, side, source_id, job_id, number FROM creation_intents WHERE mapping = ? ORDER BY new_id
                """, arguments: [mapping]).map { row in
                let stored = StoredRow(row, path: pool.path, table: "creation_intents")
                return CreationIntent(newID: RecordID(try stored.text("new_id")), mapping: try stored.text("mapping"),
                                      side: try stored.value("side", as: Side.self), sourceID: RecordID(try stored.text("source_id")),
                                      jobID: try stored.integer("job_id"), number: try stored.optionalText("number"))
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

    @discardableResult
    public func commit(_ changes: WorkspaceChanges) throws -> CouplingRefusals {
        guard !changes.isEmpty else { return [:] }
        return try pool.write { db in
            var refused: CouplingRefusals = [:]
            let couplings = SQLiteCouplingWriter(db: db, path: pool.path, claimant: changes.jobID)
            for (index, change) in changes.couplings.enumerated() {
                if let refusal = try couplings.apply(change) { refused[index] = refusal }
            }
            let addError = try db.cachedStatement(sql: """
                INSERT INTO job_errors (job_id, at, message, source_side, source_id, destination_id) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for error in changes.jobErrors {
                try addError.execute(arguments: [error.jobID, error.at.milliseconds, error.reason.encoded, error.sourceSide.rawValue,
                                                 error.sourceID?.rawValue, error.destinationID?.rawValue])
            }
            // A job may meet a pair twice (a merge's two sides): the state it first found is the one kept.
            let keepBefore = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO coupling_changes (job_id, \(SQLiteCouplingWriter.keyColumns), \(SQLiteCouplingWriter.stateColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for before in changes.couplingsBefore {
                try keepBefore.execute(arguments: StatementArguments([before.jobID] + SQLiteCouplingWriter.key(before.coupling)
                                                                    + SQLiteCouplingWriter.state(before.coupling)))
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
            let updateJob = try db.cachedStatement(sql: """
                UPDATE jobs SET finished_at = ?, inserted = ?, modified = ?, unchanged = ?, skipped = ?, failed = ?,
                    deleted = ?, coupled = ?, uncoupled = ?, changed_elsewhere = ?, overwritten = ?, message = ?,
                    undone_by = ?, interrupted = ?
                WHERE id = ?
                """)
            for job in changes.updatedJobs {
                let counters = job.counters
                try updateJob.execute(arguments: [
                    job.finishedAt?.milliseconds, counters.inserted, counters.modified, counters.unchanged,
                    counters.skipped, counters.failed, counters.deleted, counters.coupled, counters.uncoupled,
                    counters.changedElsewhere, counters.overwritten, job.note.encoded, job.undoneBy, job.interrupted, job.id,
                ])
            }
            for mark in changes.syncMarks {
                try db.cachedStatement(sql: """
                    INSERT INTO sync_marks (mapping, side, modified_at) VALUES (?, ?, ?)
                    ON CONFLICT (mapping, side) DO UPDATE SET modified_at = MAX(modified_at, excluded.modified_at)
                    """).execute(arguments: [mark.mapping, mark.side.rawValue, mark.modifiedAt.milliseconds])
            }
            return refused
        }
    }
}
