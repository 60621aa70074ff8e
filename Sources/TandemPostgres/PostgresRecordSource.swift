import PostgresNIO
import TandemCore

/// One side's table in a PostgreSQL workspace (`tandem_erp."Customer"`, …), with the behaviour of the
/// SQLite side table: lists page by key on the (sort_key, id) index, every write call is one
/// transaction, writes are conditional on the version they were read at, and `modifiedAt` moves
/// forward on every write.
public final class PostgresRecordSource: RecordSource, @unchecked Sendable {
    public let schema: TableSchema
    let session: PostgresSession
    private let clock: any TimeSource
    private let table: String
    private let selectColumns: String
    private let quoted: [String: String]

    public init(session: PostgresSession, schema: TableSchema, clock: any TimeSource) {
        self.session = session
        self.schema = schema
        self.clock = clock
        self.table = "\(PostgresSchema.namespace(schema.side)).\(schema.name.quotedIdentifier)"
        self.selectColumns = (["id", "modified_at"] + schema.fieldNames.map(\.quotedIdentifier)).joined(separator: ", ")
        self.quoted = Dictionary(uniqueKeysWithValues: schema.fieldNames.map { ($0, $0.quotedIdentifier) })
    }

    private func fetch(_ sql: String, _ values: [PostgresValue] = [], fields names: [String]? = nil) throws -> [Record] {
        let names = names ?? schema.fieldNames
        return try session.query(sql, values).map { row in
            let cells = row.makeRandomAccess()
            var fields: [String: String] = [:]
            fields.reserveCapacity(names.count)
            for (index, name) in names.enumerated() {
                let value = try cells[index + 2].decode(String.self)
                if !value.isEmpty { fields[name] = value }
            }
            return Record(id: RecordID(try cells[0].decode(String.self)),
                          modifiedAt: Timestamp(milliseconds: try cells[1].decode(Int64.self)), fields: fields)
        }
    }

    /// `WHERE`-clause text and arguments for a list search (ASCII case ignored, `%` and `_` literal).
    private func searchClause(_ search: String?) -> (String, [PostgresValue]) {
        guard let search, !search.isEmpty else { return ("TRUE", []) }
        let escaped = search.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let clause = schema.searchFields.map { "\($0.quotedIdentifier) ILIKE ? ESCAPE '\\'" }.joined(separator: " OR ")
        return ("(\(clause))", Array(repeating: .text("%\(escaped)%"), count: schema.searchFields.count))
    }

    public func count(search: String?) throws -> Int {
        let (clause, values) = searchClause(search)
        guard let row = try session.query("SELECT COUNT(*) FROM \(table) WHERE \(clause)", values).first else { return 0 }
        return Int(try row.decode(Int64.self))
    }

    public func page(search: String?, from start: PageStart, limit: Int) throws -> [Record] {
        var (condition, values) = searchClause(search)
        var descending = false
        switch start {
        case .first: break
        case .last: descending = true
        case .after(let key):
            condition += " AND (sort_key, id) > (?, ?)"
            values += [.text(key.sortKey), .text(key.id.rawValue)]
        case .before(let key):
            condition += " AND (sort_key, id) < (?, ?)"
            values += [.text(key.sortKey), .text(key.id.rawValue)]
            descending = true
        }
        values.append(.integer(Int64(limit)))
        let order = descending ? "sort_key DESC, id DESC" : "sort_key, id"
        let rows = try fetch("SELECT \(selectColumns) FROM \(table) WHERE \(condition) ORDER BY \(order) LIMIT ?", values)
        return descending ? rows.reversed() : rows
    }

    public func scan(after id: RecordID?, limit: Int, fields: [String]?) throws -> [Record] {
        let known = fields?.filter { quoted[$0] != nil } ?? schema.fieldNames
        let columns = (["id", "modified_at"] + known.compactMap { quoted[$0] }).joined(separator: ", ")
        return try fetch("SELECT \(columns) FROM \(table) WHERE id > ? ORDER BY id LIMIT ?",
                         [.text(id?.rawValue ?? ""), .integer(Int64(limit))], fields: known)
    }

    public func records(ids: [RecordID]) throws -> [Record] {
        guard !ids.isEmpty else { return [] }
        var result: [Record] = []
        for chunk in ids.chunked(into: 900) {
            result += try fetch("SELECT \(selectColumns) FROM \(table) WHERE id = ANY(?)", [.textArray(chunk.map(\.rawValue))])
        }
        return result
    }

    public func records(numbers: [String]) throws -> [Record] {
        guard let numberField = schema.numberField, !numbers.isEmpty else { return [] }
        var result: [Record] = []
        for chunk in numbers.chunked(into: 900) {
            result += try fetch("SELECT \(selectColumns) FROM \(table) WHERE \(numberField.quotedIdentifier) = ANY(?)", [.textArray(chunk)])
        }
        return result
    }

    public func records(named name: String, prefix: Bool, limit: Int) throws -> [Record] {
        let key = TableSchema.sortKey(forName: name)
        if prefix {
            return try fetch("SELECT \(selectColumns) FROM \(table) WHERE sort_key >= ? AND sort_key < ? ORDER BY sort_key, id LIMIT ?",
                             [.text(key), .text(key + "\u{FFFF}"), .integer(Int64(limit))])
        }
        return try fetch("SELECT \(selectColumns) FROM \(table) WHERE sort_key = ? ORDER BY id LIMIT ?", [.text(key), .integer(Int64(limit))])
    }

    public func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        guard !writes.isEmpty else { return [] }
        let now = clock.now()
        return try session.transaction {
            var results = [WriteResult?](repeating: nil, count: writes.count)
            for group in plainUpdateGroups(writes) {
                for (index, result) in try applyUpdates(group.map { ($0, writes[$0]) }, now: now) { results[index] = result }
            }
            return try writes.indices.map { index in
                if let result = results[index] { return result }
                do {
                    return .written(try apply(writes[index], now: now))
                } catch let refusal as RecordSourceError {
                    return .refused(refusal)
                }
            }
        }
    }

    /// The updates that set known fields other than the name and its parts, of records no other write
    /// of the call touches, grouped by the fields they set: each group is one statement.
    private func plainUpdateGroups(_ writes: [RecordWrite]) -> [[Int]] {
        var touches: [RecordID: Int] = [:]
        for write in writes { touches[write.id, default: 0] += 1 }
        let naming = Set([schema.nameField] + (schema.composedNameFields ?? []) + (schema.ownNameWhen.map { [$0.field] } ?? []))
        var groups: [[String]: [Int]] = [:]
        for (index, write) in writes.enumerated() {
            guard case .update(let id, let fields, _) = write, touches[id] == 1, !fields.isEmpty,
                  fields.keys.allSatisfy({ quoted[$0] != nil && !naming.contains($0) }) else { continue }
            groups[fields.keys.sorted(), default: []].append(index)
        }
        return groups.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    /// Updates of one group (same fields, distinct records) as one statement, each only at the version
    /// it was read at; a record left out was changed meanwhile or is gone, and is refused alone.
    private func applyUpdates(_ updates: [(index: Int, write: RecordWrite)], now: Timestamp) throws -> [(Int, WriteResult)] {
        guard case .update(_, let first, _)? = updates.first?.write else { return [] }
        let names = first.keys.sorted()
        var rows = PostgresRecordset([("id", "text"), ("expected", "bigint")] + names.indices.map { ("f\($0)", "text") })
        for (_, write) in updates {
            guard case .update(let id, let fields, let expected) = write else { continue }
            rows.append([.text(id.rawValue), .integer(expected.milliseconds)] + names.map { .text(fields[$0] ?? "") })
        }
        let assignments = names.enumerated().map { "\(quoted[$1] ?? $1.quotedIdentifier) = v.f\($0)" }.joined(separator: ", ")
        var written: [String: Int64] = [:]
        for row in try session.query("""
            UPDATE \(table) t SET \(assignments), modified_at = GREATEST(?, t.modified_at + 1) FROM \(rows.source)
            WHERE t.id = v.id AND t.modified_at = v.expected RETURNING t.id, t.modified_at
            """, [.integer(now.milliseconds), rows.argument]) {
            let (id, version) = try row.decode((String, Int64).self)
            written[id] = version
        }
        return try updates.map { index, write in
            if let version = written[write.id.rawValue] { return (index, .written(Timestamp(milliseconds: version))) }
            return (index, .refused(try refusal(for: write.id)))
        }
    }

    /// One write, all or nothing (a refused write changes nothing: each statement is atomic and a
    /// conflicting insert does nothing); returns the record's version after it.
    private func apply(_ write: RecordWrite, now: Timestamp) throws -> Timestamp {
        switch write {
        case .insert(let id, let fields):
            try validate(fields)
            try insert(Record(id: id, modifiedAt: now, fields: schema.newRecordFields(fields)))
            return now
        case .update(let id, let fields, let expected):
            try validate(fields)
            return try update(id, fields, expected: expected, now: now)
        case .delete(let id, let expected):
            let deleted = try session.query("DELETE FROM \(table) WHERE id = ? AND modified_at = ? RETURNING id",
                                            [.text(id.rawValue), .integer(expected.milliseconds)])
            guard deleted.count == 1 else { throw try refusal(for: id) }
            return expected
        }
    }

    private func validate(_ fields: [String: String]) throws {
        for name in fields.keys where quoted[name] == nil {
            throw RecordSourceError.unknownField(table: schema.name, field: name)
        }
    }

    /// Why a conditional write found no row: the record is gone, or someone else moved its version.
    private func refusal(for id: RecordID) throws -> RecordSourceError {
        let exists = try !session.query("SELECT 1 FROM \(table) WHERE id = ?", [.text(id.rawValue)]).isEmpty
        return exists ? .changedElsewhere(table: schema.name, id: id) : .notFound(table: schema.name, id: id)
    }

    private func insert(_ record: Record) throws {
        let marks = Array(repeating: "?", count: schema.fields.count + 3).joined(separator: ",")
        let values: [PostgresValue] = [.text(schema.sortKey(of: record)), .text(record.id.rawValue), .integer(record.modifiedAt.milliseconds)]
            + schema.fieldNames.map { .text(record[$0]) }
        // ON CONFLICT DO NOTHING: a clash with another record's id or number changes nothing and, unlike
        // a raised unique violation, leaves the transaction usable for the other writes of the call.
        let made = try session.query("""
            INSERT INTO \(table) (sort_key, \(selectColumns)) VALUES (\(marks)) ON CONFLICT DO NOTHING RETURNING id
            """, values)
        guard made.isEmpty else { return }
        if try !session.query("SELECT 1 FROM \(table) WHERE id = ?", [.text(record.id.rawValue)]).isEmpty {
            throw RecordSourceError.duplicateID(table: schema.name, id: record.id)
        }
        throw RecordSourceError.duplicateNumber(table: schema.name, number: schema.number(of: record) ?? "")
    }

    /// Sets the given fields (and a derived name from its parts) and moves `modifiedAt` forward; the
    /// sort key follows the name in the same statement.
    private func update(_ id: RecordID, _ fields: [String: String], expected: Timestamp, now: Timestamp) throws -> Timestamp {
        let nameColumn = quoted[schema.nameField] ?? schema.nameField.quotedIdentifier
        let composing = schema.composedNameFields.map { parts in parts.contains { fields[$0] != nil } } ?? false
        let names = fields.keys.sorted().filter { !(composing && schema.ownNameWhen != nil && $0 == schema.nameField) }
        var assignments = names.map { "\(quoted[$0] ?? $0.quotedIdentifier) = ?" }
        var values: [PostgresValue] = names.map { .text(fields[$0] ?? "") }
        let nameChanges = fields[schema.nameField] != nil || composing
        if let parts = schema.composedNameFields, composing {
            let joined = parts.map { part in fields[part] == nil ? quoted[part] ?? part.quotedIdentifier : "?::text" }
            var name = "TRIM(\(joined.joined(separator: " || ' ' || ")))"
            var nameValues: [String] = parts.compactMap { fields[$0] }
            if let own = schema.ownNameWhen {
                // A record that keeps its own name (a company contact) keeps it, or takes the one given.
                let condition = fields[own.field] == nil ? quoted[own.field] ?? own.field.quotedIdentifier : "?::text"
                let kept = fields[schema.nameField] == nil ? nameColumn : "?::text"
                name = "CASE WHEN lower(TRIM(\(condition))) = lower(?::text) THEN \(kept) ELSE \(name) END"
                nameValues = (fields[own.field].map { [$0] } ?? []) + [own.value]
                    + (fields[schema.nameField].map { [$0] } ?? []) + nameValues
            }
            assignments.append("\(nameColumn) = \(name)")
            values += nameValues.map { .text($0) }
        }
        assignments.append("modified_at = GREATEST(?, modified_at + 1)")
        values += [.integer(now.milliseconds), .text(id.rawValue), .integer(expected.milliseconds)]
        let sql = "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ? AND modified_at = ? RETURNING modified_at, \(nameColumn)"
        guard let row = try session.query(sql, values).first else { throw try refusal(for: id) }
        let (version, name) = try row.decode((Int64, String).self)
        if nameChanges {
            try session.query("UPDATE \(table) SET sort_key = ? WHERE id = ?", [.text(TableSchema.sortKey(forName: name)), .text(id.rawValue)])
        }
        return Timestamp(milliseconds: version)
    }

    public func nextNumber() throws -> String {
        guard let numberField = schema.numberField, let prefix = schema.numberPrefix else {
            throw RecordSourceError.noNumberSeries(table: schema.name)
        }
        let escaped = prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let numbers = try session.query("SELECT \(numberField.quotedIdentifier) FROM \(table) WHERE \(numberField.quotedIdentifier) LIKE ?",
                                        [.text(escaped + "%")]).map { try $0.decode(String.self) }
        return NumberSeries.next(after: numbers, prefix: prefix)
    }

    public func versions(since: Timestamp?, after start: RecordVersion?, limit: Int) throws -> [RecordVersion] {
        let from = max(since.map { $0.milliseconds + 1 } ?? Int64.min, start?.modifiedAt.milliseconds ?? Int64.min)
        return try session.query("""
            SELECT id, modified_at FROM \(table) WHERE modified_at >= ? AND (modified_at, id) > (?, ?)
            ORDER BY modified_at, id LIMIT ?
            """, [.integer(from), .integer(start?.modifiedAt.milliseconds ?? Int64.min), .text(start?.id.rawValue ?? ""),
                  .integer(Int64(limit))]).map { row in
            let (id, modifiedAt) = try row.decode((String, Int64).self)
            return RecordVersion(id: RecordID(id), modifiedAt: Timestamp(milliseconds: modifiedAt))
        }
    }

    /// Inserts records exactly as given, `modifiedAt` included, in one transaction (sample data,
    /// generated workspaces, imports): set-based, one `INSERT … SELECT` from a `PostgresRecordset` for
    /// every 5,000 records, instead of a round trip per record. A clash with an existing id or number
    /// fails the whole call.
    public func insertVerbatim(_ records: [Record]) throws {
        let columns = [("sort_key", "text"), ("id", "text"), ("modified_at", "bigint")] + schema.fieldNames.indices.map { ("f\($0)", "text") }
        try session.transaction {
            for chunk in records.chunked(into: 5_000) {
                var rows = PostgresRecordset(columns)
                for record in chunk {
                    rows.append([.text(schema.sortKey(of: record)), .text(record.id.rawValue), .integer(record.modifiedAt.milliseconds)]
                                + schema.fieldNames.map { .text(record[$0]) })
                }
                try session.query("""
                    INSERT INTO \(table) (sort_key, \(selectColumns)) SELECT \(columns.map { "v.\($0.0)" }.joined(separator: ", "))
                    FROM \(rows.source) ORDER BY v.n
                    """, [rows.argument])
            }
        }
    }
}

extension PostgresRecordSource: ImportableRecordSource {
    public func importRows(verbatim: [Record], writes: [(line: Int, write: RecordWrite)], file: String) throws {
        try session.transaction {
            try insertVerbatim(verbatim)
            let results = try apply(writes.map(\.write))
            for ((line, _), result) in zip(writes, results) {
                if case .refused(let refusal) = result {
                    throw CSVError(file: file, line: line, field: nil, message: tr("{0} Nothing was imported.", refusal.description))
                }
            }
        }
    }
}
