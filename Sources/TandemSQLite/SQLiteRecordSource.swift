import GRDB
import TandemCore

/// One side's table in its SQLite database. Lists page by key on the (sort_key, id) index; every
/// write call is one transaction; `modifiedAt` moves forward on every write.
public final class SQLiteRecordSource: ImportableRecordSource {
    public let schema: TableSchema
    let pool: GuardedPool
    private let clock: any TimeSource
    private let table: String
    private let selectColumns: String
    /// Each field's quoted SQL identifier, made once.
    private let quoted: [String: String]

    init(pool: GuardedPool, schema: TableSchema, clock: any TimeSource) {
        self.pool = pool
        self.schema = schema
        self.clock = clock
        self.table = schema.name.quotedIdentifier
        self.selectColumns = (["id", "modifiedAt"] + schema.fieldNames.map(\.quotedIdentifier)).joined(separator: ", ")
        self.quoted = Dictionary(uniqueKeysWithValues: schema.fieldNames.map { ($0, $0.quotedIdentifier) })
    }

    /// A row of `id, modifiedAt, <fields>` as a record; a value of the wrong type throws
    /// `StoredDataError` naming the file, table, record and column.
    private func record(_ row: Row, fields names: [String]) throws -> Record {
        let stored = StoredRow(row, path: pool.path, table: schema.name)
        var fields: [String: String] = [:]
        fields.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            let value = try stored.text(index + 2)
            if !value.isEmpty { fields[name] = value }
        }
        return Record(id: RecordID(try stored.text(0)), modifiedAt: Timestamp(milliseconds: try stored.integer(1)),
                      fields: fields)
    }

    /// Reads records a row at a time from the statement itself (no copied rows); a value of the wrong
    /// type is read again through `StoredRow`, which reports it by file, table, row and column.
    private func fetch(_ sql: String, _ arguments: StatementArguments = []) throws -> [Record] {
        try pool.read { db in
            let statement = try db.cachedStatement(sql: sql)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            let columns = StatementColumns(statement)
            let names = schema.fieldNames
            var records: [Record] = []
            while let row = try rows.next() {
                guard let id = columns.text(0), let modifiedAt = columns.integer(1) else {
                    records.append(try record(row, fields: names))
                    continue
                }
                var fields: [String: String] = [:]
                fields.reserveCapacity(names.count)
                var whole = true
                for (index, name) in names.enumerated() where !columns.isEmptyText(Int32(index + 2)) {
                    guard let value = columns.text(Int32(index + 2)) else { whole = false; break }
                    fields[name] = value
                }
                records.append(whole ? Record(id: RecordID(id), modifiedAt: Timestamp(milliseconds: modifiedAt), fields: fields)
                                     : try record(row, fields: names))
            }
            return records
        }
    }

    /// `WHERE`-clause text and arguments for a list search (ASCII case ignored, `%` and `_` literal).
    private func searchClause(_ search: String?) -> (String, [String]) {
        guard let search, !search.isEmpty else { return ("1", []) }
        let escaped = search.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%\(escaped)%"
        let clause = schema.searchFields.map { "\($0.quotedIdentifier) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ")
        return ("(\(clause))", Array(repeating: pattern, count: schema.searchFields.count))
    }

    public func count(search: String?) throws -> Int {
        let (clause, arguments) = searchClause(search)
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(clause)", arguments: StatementArguments(arguments)) ?? 0
        }
    }

    public func page(search: String?, from start: PageStart, limit: Int) throws -> [Record] {
        let name = "sort_key"
        let (clause, searchArguments) = searchClause(search)
        var arguments = StatementArguments(searchArguments)
        var condition = clause
        var descending = false
        switch start {
        case .first: break
        case .last: descending = true
        case .after(let key):
            condition += " AND (\(name), id) > (?, ?)"
            arguments += [key.sortKey, key.id.rawValue]
        case .before(let key):
            condition += " AND (\(name), id) < (?, ?)"
            arguments += [key.sortKey, key.id.rawValue]
            descending = true
        }
        arguments += [limit]
        let order = descending ? "\(name) DESC, id DESC" : "\(name), id"
        let rows = try fetch("SELECT \(selectColumns) FROM \(table) WHERE \(condition) ORDER BY \(order) LIMIT ?", arguments)
        return descending ? rows.reversed() : rows
    }

    public func scan(after id: RecordID?, limit: Int, fields: [String]?) throws -> [Record] {
        guard let fields else {
            guard let id else { return try fetch("SELECT \(selectColumns) FROM \(table) ORDER BY id LIMIT ?", [limit]) }
            return try fetch("SELECT \(selectColumns) FROM \(table) WHERE id > ? ORDER BY id LIMIT ?", [id.rawValue, limit])
        }
        let known = fields.filter { quoted[$0] != nil }
        let columns = (["id", "modifiedAt"] + known.compactMap { quoted[$0] }).joined(separator: ", ")
        let sql = "SELECT \(columns) FROM \(table) WHERE id > ? ORDER BY id LIMIT ?"
        return try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [id?.rawValue ?? "", limit]).map {
                try record($0, fields: known)
            }
        }
    }

    public func records(ids: [RecordID]) throws -> [Record] {
        guard !ids.isEmpty else { return [] }
        var result: [Record] = []
        for chunk in ids.chunked(into: 900) {
            result += try fetch(recordsSQL(count: chunk.count), StatementArguments(chunk.map(\.rawValue)))
        }
        return result
    }

    /// The records with one of `count` ids: a search on the primary key.
    func recordsSQL(count: Int) -> String {
        "SELECT \(selectColumns) FROM \(table) WHERE id IN (\(Array(repeating: "?", count: count).joined(separator: ",")))"
    }

    public func records(numbers: [String]) throws -> [Record] {
        guard let numberField = schema.numberField, !numbers.isEmpty else { return [] }
        var result: [Record] = []
        for chunk in numbers.chunked(into: 900) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            result += try fetch("SELECT \(selectColumns) FROM \(table) WHERE \(numberField.quotedIdentifier) IN (\(marks))",
                                StatementArguments(chunk))
        }
        return result
    }

    public func records(named name: String, prefix: Bool, limit: Int) throws -> [Record] {
        let key = TableSchema.sortKey(forName: name)
        if prefix {
            // The index serves `>= key AND < key + U+FFFF`; LIKE would not use it.
            return try fetch("SELECT \(selectColumns) FROM \(table) WHERE sort_key >= ? AND sort_key < ? ORDER BY sort_key, id LIMIT ?",
                             [key, key + "\u{FFFF}", limit])
        }
        return try fetch("SELECT \(selectColumns) FROM \(table) WHERE sort_key = ? ORDER BY id LIMIT ?", [key, limit])
    }

    public func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        guard !writes.isEmpty else { return [] }
        let now = clock.now()
        return try pool.write { db in
            try writes.map { write in
                do {
                    return .written(try apply(write, now: now, db))
                } catch let refusal as RecordSourceError {
                    return .refused(refusal)
                }
            }
        }
    }

    /// One write, all or nothing (each statement is atomic, and a refused write runs none that
    /// change anything); returns the record's version after it.
    private func apply(_ write: RecordWrite, now: Timestamp, _ db: Database) throws -> Timestamp {
        switch write {
        case .insert(let id, let fields):
            try validate(fields)
            try insert(Record(id: id, modifiedAt: now, fields: schema.newRecordFields(fields)), db)
            return now
        case .update(let id, let fields, let expected):
            try validate(fields)
            return try update(id, fields, expected: expected, now: now, db)
        case .delete(let id, let expected):
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE id = ? AND modifiedAt = ?")
                .execute(arguments: [id.rawValue, expected.milliseconds])
            guard db.changesCount == 1 else { throw try refusal(for: id, db) }
            return expected
        }
    }

    private func validate(_ fields: [String: String]) throws {
        for name in fields.keys where quoted[name] == nil {
            throw RecordSourceError.unknownField(table: schema.name, field: name)
        }
    }

    /// Why a conditional write found no row: the record is gone, or someone else moved its version.
    private func refusal(for id: RecordID, _ db: Database) throws -> RecordSourceError {
        let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE id = ?"),
                                       arguments: [id.rawValue]) ?? false
        return exists ? .changedElsewhere(table: schema.name, id: id) : .notFound(table: schema.name, id: id)
    }

    private func insert(_ record: Record, _ db: Database) throws {
        let marks = Array(repeating: "?", count: schema.fields.count + 3).joined(separator: ",")
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table) (sort_key, \(selectColumns)) VALUES (\(marks))")
        let values: [any DatabaseValueConvertible] = [schema.sortKey(of: record), record.id.rawValue, record.modifiedAt.milliseconds]
            + schema.fieldNames.map { record[$0] }
        do {
            try statement.execute(arguments: StatementArguments(values))
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            throw RecordSourceError.duplicateID(table: schema.name, id: record.id)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw RecordSourceError.duplicateNumber(table: schema.name, number: schema.number(of: record) ?? "")
        }
    }

    /// Sets the given fields (and a derived name from its parts) and moves `modifiedAt` forward; when
    /// the name changes, so does the sort key.
    private func update(_ id: RecordID, _ fields: [String: String], expected: Timestamp, now: Timestamp,
                        _ db: Database) throws -> Timestamp {
        let nameColumn = quoted[schema.nameField] ?? schema.nameField
        let composing = schema.composedNameFields.map { parts in parts.contains { fields[$0] != nil } } ?? false
        // With a name composed in SQL below, a name given beside it is only the own name's value.
        let names = fields.keys.sorted().filter { !(composing && schema.ownNameWhen != nil && $0 == schema.nameField) }
        var assignments = names.map { "\(quoted[$0] ?? $0.quotedIdentifier) = ?" }
        var values: [any DatabaseValueConvertible] = names.map { fields[$0] ?? "" }
        let nameChanges = fields[schema.nameField] != nil || composing
        if let parts = schema.composedNameFields, composing {
            let joined = parts.map { part in fields[part] == nil ? quoted[part] ?? part.quotedIdentifier : "?" }
            var name = "TRIM(\(joined.joined(separator: " || ' ' || ")))"
            var nameValues: [String] = parts.compactMap { fields[$0] }
            if let own = schema.ownNameWhen {
                // A record that keeps its own name (a company contact) keeps it, or takes the one given.
                let condition = fields[own.field] == nil ? quoted[own.field] ?? own.field.quotedIdentifier : "?"
                let kept = fields[schema.nameField] == nil ? nameColumn : "?"
                name = "CASE WHEN TRIM(\(condition)) = ? COLLATE NOCASE THEN \(kept) ELSE \(name) END"
                nameValues = (fields[own.field].map { [$0] } ?? []) + [own.value]
                    + (fields[schema.nameField].map { [$0] } ?? []) + nameValues
            }
            assignments.append("\(nameColumn) = \(name)")
            values += nameValues.map { $0 as any DatabaseValueConvertible }
        }
        assignments.append("modifiedAt = MAX(?, modifiedAt + 1)")
        values += [now.milliseconds, id.rawValue, expected.milliseconds]
        let sql = """
            UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ? AND modifiedAt = ?
            RETURNING modifiedAt, \(nameColumn)
            """
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(values)) else {
            throw try refusal(for: id, db)
        }
        if nameChanges {
            try db.cachedStatement(sql: "UPDATE \(table) SET sort_key = ? WHERE id = ?")
                .execute(arguments: [TableSchema.sortKey(forName: row[1]), id.rawValue])
        }
        return Timestamp(milliseconds: row[0])
    }

    public func nextNumber() throws -> String {
        guard let numberField = schema.numberField, let prefix = schema.numberPrefix else {
            throw RecordSourceError.noNumberSeries(table: schema.name)
        }
        let column = numberField.quotedIdentifier
        let numbers = try pool.read { db in
            try String.fetchAll(db, sql: "SELECT \(column) FROM \(table) WHERE \(column) GLOB ?", arguments: ["\(prefix)[0-9]*"])
        }
        return NumberSeries.next(after: numbers, prefix: prefix)
    }

    public func versions(since: Timestamp?, after start: RecordVersion?, limit: Int) throws -> [RecordVersion] {
        // One lower bound for the index range: later than `since`, and not before the page's start
        // (the rows of the start's own version up to its id are then passed over, not the whole range).
        let from = max(since.map { $0.milliseconds + 1 } ?? Int64.min, start?.modifiedAt.milliseconds ?? Int64.min)
        return try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: versionsSQL), arguments: [
                from, start?.modifiedAt.milliseconds ?? Int64.min, start?.id.rawValue ?? "", limit,
            ]).map { row in
                let stored = StoredRow(row, path: pool.path, table: schema.name)
                return RecordVersion(id: RecordID(try stored.text(0)), modifiedAt: Timestamp(milliseconds: try stored.integer(1)))
            }
        }
    }

    /// Changed records by version: a range on the `modifiedAt` index, never the table.
    var versionsSQL: String {
        """
        SELECT id, modifiedAt FROM \(table) WHERE modifiedAt >= ? AND (modifiedAt, id) > (?, ?)
        ORDER BY modifiedAt, id LIMIT ?
        """
    }

    /// Inserts records exactly as given, `modifiedAt` included, in one transaction (the sample data).
    public func insertVerbatim(_ records: [Record]) throws {
        try pool.write { db in
            for record in records { try insert(record, db) }
        }
    }

    /// An import's writes in one transaction: records as given, then inserts and conditional updates.
    /// A refused write (someone changed the record since the import read it) undoes them all and is
    /// reported at its file line.
    public func importRows(verbatim: [Record], writes: [(line: Int, write: RecordWrite)], file: String) throws {
        let now = clock.now()
        try pool.write { db in
            for record in verbatim { try insert(record, db) }
            for (line, write) in writes {
                do {
                    _ = try apply(write, now: now, db)
                } catch let refusal as RecordSourceError {
                    throw CSVError(file: file, line: line, field: nil, message: tr("{0} Nothing was imported.", refusal.description))
                }
            }
        }
    }
}
