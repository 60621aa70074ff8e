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
            var changes = try upsert(rows.map { ($0, nil) }, fields: fields, now: now)
            changes.deleted = try delete(remoteIDs: deletedRemoteIDs)
            if let state { try save(state) }
            return changes
        }
    }

    public func storeWritten(_ written: [WrittenRecord], fields: [String]) throws -> [Timestamp?] {
        guard !written.isEmpty else { return [] }
        let now = clock.now()
        return try session.transaction {
            try takeTurn()
            // A record whose ETag moved since its write was sent was stored by a pull meanwhile: kept.
            var current: [String: String] = [:]
            for row in try session.query("""
                SELECT id, etag FROM \(namespace).remote_rows WHERE "table" = ? AND id = ANY(?)
                """, [.text(schema.name), .textArray(written.map(\.id.rawValue))]) {
                let (id, etag) = try row.decode((String, String).self)
                current[id] = etag
            }
            let stored = written.filter { item in item.sentFrom.map { current[item.id.rawValue] == $0 } ?? true }
            let storedIDs = Set(stored.map(\.id))
            _ = try upsert(stored.map { ($0.row, $0.id) }, fields: fields, now: now)
            var versions: [String: Int64] = [:]
            for row in try session.query("SELECT id, modified_at FROM \(table) WHERE id = ANY(?)",
                                         [.textArray(stored.map(\.id.rawValue))]) {
                let (id, version) = try row.decode((String, Int64).self)
                versions[id] = version
            }
            return written.map { item in
                guard storedIDs.contains(item.id) else { return nil }
                return versions[item.id.rawValue].map(Timestamp.init(milliseconds:))
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
            let deleted = try delete(remoteIDs: known.filter { !remoteIDs.contains($0) })
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

    /// Deletes the records of these remote ids, a page's deletions in two statements; how many there were.
    private func delete(remoteIDs: [String]) throws -> Int {
        guard !remoteIDs.isEmpty else { return 0 }
        let ids = try session.query("""
            DELETE FROM \(namespace).remote_rows WHERE "table" = ? AND remote_id = ANY(?) RETURNING id
            """, [.text(schema.name), .textArray(remoteIDs.map { $0.lowercased() })]).map { try $0.decode(String.self) }
        guard !ids.isEmpty else { return 0 }
        try session.query("DELETE FROM \(table) WHERE id = ANY(?)", [.textArray(ids)])
        return ids.count
    }

    /// Adds or updates records from the service, a page in four statements whatever its size. A record
    /// already linked keeps its local id; a new one takes its `localID` (a create this replica sent) or
    /// the remote id. A version moves only when a carried value differs, so an edit of a field Tandem
    /// does not map causes no phantom change. When a remote id comes twice, its last row wins, as
    /// storing them one after another would.
    private func upsert(_ rows: [(row: PulledRow, localID: RecordID?)], fields: [String], now: Timestamp) throws -> ReplicaChanges {
        var last: [String: Int] = [:]
        for (index, item) in rows.enumerated() { last[item.row.remoteID.lowercased()] = index }
        let unique = rows.indices.filter { last[rows[$0].row.remoteID.lowercased()] == $0 }.map { rows[$0] }
        guard !unique.isEmpty else { return ReplicaChanges() }

        // Which local id each row lands on, and whether that record exists yet.
        var ids = PostgresRecordset([("remote_id", "text"), ("local_id", "text")])
        for item in unique { ids.append([.text(item.row.remoteID.lowercased()), item.localID.map { .text($0.rawValue) } ?? .null]) }
        var placed: [String: (id: String, exists: Bool)] = [:]
        for row in try session.query("""
            SELECT v.remote_id, COALESCE(r.id, v.local_id, v.remote_id) AS id,
                   EXISTS (SELECT 1 FROM \(table) t WHERE t.id = COALESCE(r.id, v.local_id, v.remote_id))
            FROM \(ids.source) LEFT JOIN \(namespace).remote_rows r ON r."table" = ? AND r.remote_id = v.remote_id
            """, [ids.argument, .text(schema.name)]) {
            let (remoteID, id, exists) = try row.decode((String, String, Bool).self)
            placed[remoteID] = (id, exists)
        }

        let columns = [("id", "text"), ("remote_id", "text"), ("etag", "text"), ("is_new", "boolean"), ("name_key", "text"),
                       ("new_key", "text")] + fields.indices.map { ("f\($0)", "text") }
        var recordset = PostgresRecordset(columns)
        var existing = 0, fresh: [(id: String, row: PulledRow)] = []
        for item in unique {
            let remoteID = item.row.remoteID.lowercased()
            guard let place = placed[remoteID] else { continue }
            if place.exists { existing += 1 } else { fresh.append((place.id, item.row)) }
            let name = item.row.fields[schema.nameField]
            let newName = schema.newRecordFields(item.row.fields)[schema.nameField] ?? ""
            recordset.append([.text(place.id), .text(remoteID), .text(item.row.etag), .text(place.exists ? "false" : "true"),
                              name.map { .text(TableSchema.sortKey(forName: $0)) } ?? .null, .text(TableSchema.sortKey(forName: newName))]
                             + fields.map { .text(item.row.fields[$0] ?? "") })
        }
        var changes = ReplicaChanges()
        let assignments = fields.enumerated().map { "\($1.quotedIdentifier) = v.f\($0), " }.joined()
        let differs = fields.enumerated().map { "t.\($1.quotedIdentifier) IS DISTINCT FROM v.f\($0)" }.joined(separator: " OR ")
        // With no field carried nothing can differ: every existing record is unchanged.
        if existing > 0 && !fields.isEmpty {
            changes.changed = try session.query("""
                UPDATE \(table) t SET \(assignments)modified_at = GREATEST(?, t.modified_at + 1), sort_key = COALESCE(v.name_key, t.sort_key)
                FROM \(recordset.source) WHERE t.id = v.id AND NOT v.is_new AND (\(differs)) RETURNING t.id
                """, [.integer(now.milliseconds), recordset.argument]).count
        }
        changes.unchanged = existing - changes.changed
        if !fresh.isEmpty {
            let inserted = Set(try session.query("""
                INSERT INTO \(table) (\((["id", "modified_at", "sort_key"] + fields.map(\.quotedIdentifier)).joined(separator: ", ")))
                SELECT \((["v.id", "?", "v.new_key"] + fields.indices.map { "v.f\($0)" }).joined(separator: ", ")) FROM \(recordset.source)
                WHERE v.is_new ORDER BY v.n
                ON CONFLICT DO NOTHING RETURNING id
                """, [.integer(now.milliseconds), recordset.argument]).map { try $0.decode(String.self) })
            // ON CONFLICT DO NOTHING: the first clash with another record's number, in page order, is
            // named, and the whole page is undone.
            if let (id, row) = fresh.first(where: { !inserted.contains($0.id) }) {
                throw RecordSourceError.duplicateNumber(table: schema.name, number: schema.number(of: Record(
                    id: RecordID(id), modifiedAt: now, fields: row.fields)) ?? "")
            }
            changes.inserted = inserted.count
        }
        try session.query("""
            INSERT INTO \(namespace).remote_rows ("table", id, remote_id, etag) SELECT ?, v.id, v.remote_id, v.etag FROM \(recordset.source)
            ON CONFLICT ("table", id) DO UPDATE SET remote_id = excluded.remote_id, etag = excluded.etag
            """, [.text(schema.name), recordset.argument])
        return changes
    }
}
