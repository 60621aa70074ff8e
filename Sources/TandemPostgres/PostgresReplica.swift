import PostgresNIO
import TandemCore

/// One table of a shared workspace kept as the replica of a remote service (see `RecordReplica`): its
/// records in the side's schema, their remote ids and ETags in `remote_rows` and the pull state in
/// `pull_state` beside them. Each call is one transaction. Two processes pulling one table take turns
/// page by page (a transaction-scoped advisory lock), so their rows and cursors never interleave.
public final class PostgresReplica: RecordReplica, @unchecked Sendable {
    public let records: any RecordSource
    private let session: PostgresSession
    private let schema: TableSchema
    private let clock: any TimeSource
    private let table: String
    private let namespace: String

    public init(records: PostgresRecordSource, clock: any TimeSource) {
        self.records = records
        session = records.session
        schema = records.schema
        self.clock = clock
        namespace = PostgresSchema.namespace(records.schema.side)
        table = "\(namespace).\(records.schema.name.quotedIdentifier)"
    }

    public func links(ids: [RecordID]) throws -> [RecordID: ReplicaLink] {
        guard !ids.isEmpty else { return [:] }
        var result: [RecordID: ReplicaLink] = [:]
        for row in try session.query("""
            SELECT id, remote_id, etag FROM \(namespace).remote_rows WHERE "table" = ? AND id = ANY(?)
            """, [.text(schema.name), .textArray(ids.map(\.rawValue))]) {
            let cells = row.makeRandomAccess()
            result[RecordID(try cells.text(0))] = ReplicaLink(remoteID: try cells.text(1), etag: try cells.text(2))
        }
        return result
    }

    @discardableResult
    public func store(page rows: [PulledRow], fields: [String], deletedRemoteIDs: [String],
                      state: PullState?) throws -> ReplicaChanges {
        let now = clock.now()
        return try session.transaction {
            try takeTurn()
            var changes = ReplicaChanges()
            for row in rows { try upsert(row, fields: fields, now: now, into: &changes) }
            for remoteID in deletedRemoteIDs where try delete(remoteID: remoteID) { changes.deleted += 1 }
            if let state { try save(state) }
            return changes
        }
    }

    public func storeWritten(_ written: [WrittenRecord], fields: [String]) throws -> [Timestamp?] {
        guard !written.isEmpty else { return [] }
        let now = clock.now()
        return try session.transaction {
            try takeTurn()
            return try written.map { item in
                if let etag = item.sentFrom {
                    let current = try session.query("""
                        SELECT etag FROM \(namespace).remote_rows WHERE "table" = ? AND id = ?
                        """, [.text(schema.name), .text(item.id.rawValue)]).first.map { try $0.decode(String.self) }
                    guard current == etag else { return nil }
                }
                var changes = ReplicaChanges()
                try upsert(item.row, fields: fields, now: now, into: &changes, localID: item.id)
                return try session.query("SELECT modified_at FROM \(table) WHERE id = ?", [.text(item.id.rawValue)])
                    .first.map { Timestamp(milliseconds: try $0.decode(Int64.self)) }
            }
        }
    }

    public func remove(id: RecordID) throws {
        try session.transaction {
            try session.query("DELETE FROM \(table) WHERE id = ?", [.text(id.rawValue)])
            try session.query(#"DELETE FROM \#(namespace).remote_rows WHERE "table" = ? AND id = ?"#, [.text(schema.name), .text(id.rawValue)])
        }
    }

    public func sweep(keeping remoteIDs: Set<String>, scanStarted: Timestamp, state: PullState) throws -> Int {
        try session.transaction {
            try takeTurn()
            let known = try session.query("""
                SELECT r.remote_id FROM \(namespace).remote_rows r JOIN \(table) t ON t.id = r.id
                WHERE r."table" = ? AND t.modified_at < ?
                """, [.text(schema.name), .integer(scanStarted.milliseconds)]).map { try $0.decode(String.self) }
            var deleted = 0
            for remoteID in known where !remoteIDs.contains(remoteID) {
                if try delete(remoteID: remoteID) { deleted += 1 }
            }
            try save(state)
            return deleted
        }
    }

    public func pullState() throws -> PullState {
        guard let row = try session.query("""
            SELECT cursor, next_link, pull_started_full, last_pull_at, records_pulled, requests, seconds_waited
            FROM \(namespace).pull_state WHERE "table" = ?
            """, [.text(schema.name)]).first else { return PullState() }
        let cells = row.makeRandomAccess()
        return PullState(cursor: try cells.optionalText(0), nextLink: try cells.optionalText(1), pullStartedFull: try cells.bool(2),
                         lastPullAt: try cells.optionalInteger(3).map(Timestamp.init(milliseconds:)),
                         recordsPulled: try cells.int(4), requests: try cells.int(5), secondsWaited: try cells[6].decode(Double.self))
    }

    public func savePullState(_ state: PullState) throws {
        try session.transaction { try save(state) }
    }

    public func localOnlyCount() throws -> Int {
        Int(try session.query("""
            SELECT COUNT(*) FROM \(table) WHERE id NOT IN (SELECT id FROM \(namespace).remote_rows WHERE "table" = ?)
            """, [.text(schema.name)]).first?.decode(Int64.self) ?? 0)
    }

    /// Waits for any other process storing into this table's replica to commit.
    private func takeTurn() throws {
        try session.query("SELECT pg_advisory_xact_lock(hashtext(?))", [.text("tandem replica \(table)")])
    }

    private func save(_ state: PullState) throws {
        try session.query("""
            INSERT INTO \(namespace).pull_state ("table", cursor, next_link, pull_started_full, last_pull_at, records_pulled, requests,
                                                 seconds_waited)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::double precision)
            ON CONFLICT ("table") DO UPDATE SET cursor = excluded.cursor, next_link = excluded.next_link,
                pull_started_full = excluded.pull_started_full, last_pull_at = excluded.last_pull_at,
                records_pulled = excluded.records_pulled, requests = excluded.requests, seconds_waited = excluded.seconds_waited
            """, [.text(schema.name), state.cursor.map { .text($0) } ?? .null, state.nextLink.map { .text($0) } ?? .null,
                  .integer(state.pullStartedFull ? 1 : 0), state.lastPullAt.map { .integer($0.milliseconds) } ?? .null,
                  .integer(Int64(state.recordsPulled)), .integer(Int64(state.requests)), .text(String(state.secondsWaited))])
    }

    private func delete(remoteID: String) throws -> Bool {
        guard let id = try session.query("""
            DELETE FROM \(namespace).remote_rows WHERE "table" = ? AND remote_id = ? RETURNING id
            """, [.text(schema.name), .text(remoteID.lowercased())]).first.map({ try $0.decode(String.self) }) else { return false }
        try session.query("DELETE FROM \(table) WHERE id = ?", [.text(id)])
        return true
    }

    /// Adds or updates one record from the service. A record already linked keeps its local id; a new
    /// one takes `localID` (a create this replica sent) or the remote id. Its version moves only when a
    /// carried value differs, so an edit of a field Tandem does not map causes no phantom change.
    private func upsert(_ row: PulledRow, fields: [String], now: Timestamp, into changes: inout ReplicaChanges,
                        localID: RecordID? = nil) throws {
        let remoteID = row.remoteID.lowercased()
        let linked = try session.query("""
            SELECT id FROM \(namespace).remote_rows WHERE "table" = ? AND remote_id = ?
            """, [.text(schema.name), .text(remoteID)]).first.map { try $0.decode(String.self) }
        let id = linked ?? localID?.rawValue ?? remoteID
        let values: [PostgresValue] = fields.map { .text(row.fields[$0] ?? "") }
        let exists = try !session.query("SELECT 1 FROM \(table) WHERE id = ?", [.text(id)]).isEmpty
        if exists {
            var assignments = fields.map { "\($0.quotedIdentifier) = ?" } + ["modified_at = GREATEST(?, modified_at + 1)"]
            var arguments = values + [.integer(now.milliseconds)]
            if let name = row.fields[schema.nameField] {
                assignments.append("sort_key = ?")
                arguments.append(.text(TableSchema.sortKey(forName: name)))
            }
            let differs = fields.map { "\($0.quotedIdentifier) IS DISTINCT FROM ?" }.joined(separator: " OR ")
            let updated = try session.query("""
                UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ? AND (\(differs)) RETURNING id
                """, arguments + [.text(id)] + values)
            if updated.isEmpty { changes.unchanged += 1 } else { changes.changed += 1 }
        } else {
            let columns = (["id", "modified_at", "sort_key"] + fields.map(\.quotedIdentifier)).joined(separator: ", ")
            let marks = Array(repeating: "?", count: fields.count + 3).joined(separator: ", ")
            let filled = schema.newRecordFields(row.fields)
            let sortKey = TableSchema.sortKey(forName: filled[schema.nameField] ?? "")
            // ON CONFLICT DO NOTHING: a clash with another record's number leaves the transaction usable.
            let made = try session.query("""
                INSERT INTO \(table) (\(columns)) VALUES (\(marks)) ON CONFLICT DO NOTHING RETURNING id
                """, [.text(id), .integer(now.milliseconds), .text(sortKey)] + values)
            guard !made.isEmpty else {
                throw RecordSourceError.duplicateNumber(table: schema.name, number: schema.number(of: Record(
                    id: RecordID(id), modifiedAt: now, fields: row.fields)) ?? "")
            }
            changes.inserted += 1
        }
        try session.query("""
            INSERT INTO \(namespace).remote_rows ("table", id, remote_id, etag) VALUES (?, ?, ?, ?)
            ON CONFLICT ("table", id) DO UPDATE SET remote_id = excluded.remote_id, etag = excluded.etag
            """, [.text(schema.name), .text(id), .text(remoteID), .text(row.etag)])
    }
}
