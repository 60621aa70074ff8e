import GRDB
import TandemCore

/// One table of a side database used as the replica of a remote service: the records themselves
/// (read through `records`, as the embedded side is), each record's remote id and ETag, and the
/// table's pull state. Everything a pull brings — rows, deletions and the cursor — is stored in one
/// transaction, so a pull cut off at any point resumes where the stored state says and skips nothing.
public final class SQLiteReplica: RecordReplica, Sendable {
    /// The replica's records, as every reader (lists, cards, matching, planning) sees them.
    public let records: any RecordSource
    private let pool: GuardedPool
    private let schema: TableSchema
    private let clock: any TimeSource
    private let table: String

    init(records: SQLiteRecordSource, clock: any TimeSource) {
        self.records = records
        self.pool = records.pool
        self.schema = records.schema
        self.clock = clock
        self.table = records.schema.name.quotedIdentifier
    }

    /// The remote id and ETag of each of these records that came from the service.
    public func links(ids: [RecordID]) throws -> [RecordID: ReplicaLink] {
        guard !ids.isEmpty else { return [:] }
        return try pool.read { db in
            var result: [RecordID: ReplicaLink] = [:]
            for chunk in ids.chunked(into: 900) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, remote_id, etag FROM remote_rows WHERE "table" = ? AND id IN (\(marks))
                    """, arguments: StatementArguments([schema.name] + chunk.map(\.rawValue)))
                for row in rows {
                    let stored = StoredRow(row, path: pool.path, table: "remote_rows")
                    result[RecordID(try stored.text(0))] = ReplicaLink(remoteID: try stored.text(1), etag: try stored.text(2))
                }
            }
            return result
        }
    }

    /// Stores one pulled page in one transaction: new records are added (their id is the remote id),
    /// changed ones take the service's values and a new version, unchanged ones keep theirs, deleted
    /// ones go; `state` (when given) is saved with them. `fields` names the columns the service carries.
    @discardableResult
    public func store(page rows: [PulledRow], fields: [String], deletedRemoteIDs: [String],
                      state: PullState?) throws -> ReplicaChanges {
        let now = clock.now()
        return try pool.write { db in
            var changes = ReplicaChanges()
            for row in rows { try upsert(row, fields: fields, now: now, db, into: &changes) }
            for remoteID in deletedRemoteIDs where try delete(remoteID: remoteID, db) { changes.deleted += 1 }
            if let state { try save(state, db) }
            return changes
        }
    }

    /// After a write the service accepted: the record as the service now holds it replaces the
    /// replica's, if the replica still holds the version the write was sent from (`sentFrom`, nil for
    /// a create). Returns the record's new version, or nil when a pull already brought a later one.
    public func storeWritten(_ written: [WrittenRecord], fields: [String]) throws -> [Timestamp?] {
        guard !written.isEmpty else { return [] }
        let now = clock.now()
        return try pool.write { db in
            try written.map { item in
                if let etag = item.sentFrom {
                    let current = try String.fetchOne(db.cachedStatement(sql: #"SELECT etag FROM remote_rows WHERE "table" = ? AND id = ?"#),
                                                      arguments: [schema.name, item.id.rawValue])
                    guard current == etag else { return nil }
                }
                var changes = ReplicaChanges()
                try upsert(item.row, fields: fields, now: now, db, into: &changes, localID: item.id)
                return try Int64.fetchOne(db.cachedStatement(sql: "SELECT modifiedAt FROM \(table) WHERE id = ?"), arguments: [item.id.rawValue])
                    .map { Timestamp(milliseconds: $0) }
            }
        }
    }

    /// Removes a record the service deleted (or no longer has).
    public func remove(id: RecordID) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id.rawValue])
            try db.execute(sql: #"DELETE FROM remote_rows WHERE "table" = ? AND id = ?"#, arguments: [schema.name, id.rawValue])
        }
    }

    /// Deletes every record whose remote id the service no longer has (Business Central reports no
    /// deletions; a full id scan finds them), and saves `state`, in one transaction. Only records the
    /// replica last wrote before `scanStarted` are candidates: one created meanwhile (by this process or
    /// another) was not there to be listed. Returns how many were deleted.
    public func sweep(keeping remoteIDs: Set<String>, scanStarted: Timestamp, state: PullState) throws -> Int {
        try pool.write { db in
            let known = try String.fetchAll(db, sql: """
                SELECT r.remote_id FROM remote_rows r JOIN \(table) t ON t.id = r.id
                WHERE r."table" = ? AND t.modifiedAt < ?
                """, arguments: [schema.name, scanStarted.milliseconds])
            var deleted = 0
            for remoteID in known where !remoteIDs.contains(remoteID) {
                if try delete(remoteID: remoteID, db) { deleted += 1 }
            }
            try save(state, db)
            return deleted
        }
    }

    /// The table's pull state (a fresh one when nothing was pulled yet).
    public func pullState() throws -> PullState {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT cursor, next_link, pull_started_full, last_pull_at, records_pulled, requests, seconds_waited
                FROM pull_state WHERE "table" = ?
                """, arguments: [schema.name]) else { return PullState() }
            let stored = StoredRow(row, path: pool.path, table: "pull_state", key: { _ in self.schema.name })
            return PullState(cursor: try stored.optionalText(0), nextLink: try stored.optionalText(1),
                             pullStartedFull: try stored.integer(2) != 0,
                             lastPullAt: try stored.optionalInteger(3).map { Timestamp(milliseconds: $0) },
                             recordsPulled: Int(try stored.integer(4)), requests: Int(try stored.integer(5)),
                             secondsWaited: try stored.real(6))
        }
    }

    /// Saves the table's pull state on its own (request counts after a push).
    public func savePullState(_ state: PullState) throws {
        try pool.write { db in try save(state, db) }
    }

    /// How many records of the table did not come from a service (the embedded side's own records).
    public func localOnlyCount() throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM \(table) WHERE id NOT IN (SELECT id FROM remote_rows WHERE "table" = ?)
                """, arguments: [schema.name]) ?? 0
        }
    }

    private func save(_ state: PullState, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO pull_state ("table", cursor, next_link, pull_started_full, last_pull_at, records_pulled, requests, seconds_waited)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT("table") DO UPDATE SET cursor = excluded.cursor, next_link = excluded.next_link,
                pull_started_full = excluded.pull_started_full, last_pull_at = excluded.last_pull_at,
                records_pulled = excluded.records_pulled, requests = excluded.requests, seconds_waited = excluded.seconds_waited
            """, arguments: [schema.name, state.cursor, state.nextLink, state.pullStartedFull ? 1 : 0,
                             state.lastPullAt?.milliseconds, state.recordsPulled, state.requests, state.secondsWaited])
    }

    private func delete(remoteID: String, _ db: Database) throws -> Bool {
        guard let id = try String.fetchOne(db, sql: #"SELECT id FROM remote_rows WHERE "table" = ? AND remote_id = ?"#,
                                           arguments: [schema.name, remoteID.lowercased()]) else { return false }
        try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
        try db.execute(sql: #"DELETE FROM remote_rows WHERE "table" = ? AND id = ?"#, arguments: [schema.name, id])
        return true
    }

    /// Adds or updates one record from the service. A record already linked keeps its local id; a new
    /// one takes `localID` (a create this replica sent) or the remote id. Its version moves only when a
    /// carried value differs, so an edit of a field Tandem does not map causes no phantom change.
    private func upsert(_ row: PulledRow, fields: [String], now: Timestamp, _ db: Database,
                        into changes: inout ReplicaChanges, localID: RecordID? = nil) throws {
        let remoteID = row.remoteID.lowercased()
        let linked = try String.fetchOne(db.cachedStatement(sql: #"SELECT id FROM remote_rows WHERE "table" = ? AND remote_id = ?"#),
                                         arguments: [schema.name, remoteID])
        let id = linked ?? localID?.rawValue ?? remoteID
        let values = fields.map { row.fields[$0] ?? "" }
        let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE id = ?"), arguments: [id]) ?? false
        if exists {
            let differs = fields.map { "\($0.quotedIdentifier) IS NOT ?" }.joined(separator: " OR ")
            var assignments = fields.map { "\($0.quotedIdentifier) = ?" }
            var arguments: [(any DatabaseValueConvertible)?] = values
            assignments.append("modifiedAt = MAX(?, modifiedAt + 1)")
            arguments.append(now.milliseconds)
            if let name = row.fields[schema.nameField] {
                assignments.append("sort_key = ?")
                arguments.append(TableSchema.sortKey(forName: name))
            }
            arguments.append(id)
            arguments += values
            try db.cachedStatement(sql: "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ? AND (\(differs))")
                .execute(arguments: StatementArguments(arguments))
            if db.changesCount == 1 { changes.changed += 1 } else { changes.unchanged += 1 }
        } else {
            let columns = (["id", "modifiedAt", "sort_key"] + fields.map(\.quotedIdentifier)).joined(separator: ", ")
            let marks = Array(repeating: "?", count: fields.count + 3).joined(separator: ", ")
            let filled = schema.newRecordFields(row.fields)
            let sortKey = TableSchema.sortKey(forName: filled[schema.nameField] ?? "")
            do {
                try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns)) VALUES (\(marks))")
                    .execute(arguments: StatementArguments([id, now.milliseconds, sortKey] as [any DatabaseValueConvertible] + values))
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw RecordSourceError.duplicateNumber(table: schema.name, number: schema.number(of: Record(
                    id: RecordID(id), modifiedAt: now, fields: row.fields)) ?? "")
            }
            changes.inserted += 1
        }
        try db.cachedStatement(sql: """
            INSERT INTO remote_rows ("table", id, remote_id, etag) VALUES (?, ?, ?, ?)
            ON CONFLICT("table", id) DO UPDATE SET remote_id = excluded.remote_id, etag = excluded.etag
            """).execute(arguments: [schema.name, id, remoteID, row.etag])
    }
}
