/// A table held in memory: the reference implementation of `RecordSource` for tests and previews.
public final class InMemoryRecordSource: RecordSource {
    public let schema: TableSchema
    private let clock: any TimeSource
    private let state: Locked<[RecordID: Record]>

    public init(schema: TableSchema, records: [Record] = [], clock: any TimeSource = SystemTimeSource()) {
        self.schema = schema
        self.clock = clock
        self.state = Locked(Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last }))
    }

    private func matches(_ record: Record, _ search: String?) -> Bool {
        guard let search, !search.isEmpty else { return true }
        let needle = search.lowercasedASCII
        return schema.searchFields.contains { record[$0].lowercasedASCII.contains(needle) }
    }

    private func key(_ record: Record) -> ListKey { ListKey(record, schema: schema) }

    public func count(search: String?) throws -> Int {
        state.withLock { records in records.values.filter { matches($0, search) }.count }
    }

    public func page(search: String?, from start: PageStart, limit: Int) throws -> [Record] {
        let sorted = state.withLock { records in
            records.values.filter { matches($0, search) }.sorted { ListKey.sortsBefore(key($0), key($1)) }
        }
        switch start {
        case .first: return Array(sorted.prefix(limit))
        case .last: return Array(sorted.suffix(limit))
        case .after(let cursor): return Array(sorted.filter { ListKey.sortsBefore(cursor, key($0)) }.prefix(limit))
        case .before(let cursor): return Array(sorted.filter { ListKey.sortsBefore(key($0), cursor) }.suffix(limit))
        }
    }

    public func scan(after id: RecordID?, limit: Int, fields: [String]?) throws -> [Record] {
        let page = state.withLock { records in
            Array(records.values.filter { record in id.map { record.id > $0 } ?? true }.sorted { $0.id < $1.id }.prefix(limit))
        }
        guard let fields else { return page }
        let wanted = Set(fields)
        return page.map { Record(id: $0.id, modifiedAt: $0.modifiedAt, fields: $0.fields.filter { wanted.contains($0.key) }) }
    }

    public func records(ids: [RecordID]) throws -> [Record] {
        state.withLock { records in ids.compactMap { records[$0] } }
    }

    public func records(numbers: [String]) throws -> [Record] {
        guard let field = schema.numberField else { return [] }
        let wanted = Set(numbers)
        return state.withLock { records in records.values.filter { wanted.contains($0[field]) } }
    }

    public func records(named name: String, prefix: Bool, limit: Int) throws -> [Record] {
        let needle = TableSchema.sortKey(forName: name)
        return state.withLock { records in
            records.values.filter {
                let candidate = schema.sortKey(of: $0)
                return prefix ? candidate.hasPrefix(needle) : candidate == needle
            }
            .sorted { ListKey.sortsBefore(key($0), key($1)) }
            .prefix(limit).map { $0 }
        }
    }

    @discardableResult
    public func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        let now = clock.now()
        return state.withLock { records in
            writes.map { write in
                do {
                    return .written(try apply(write, to: &records, now: now))
                } catch let error as RecordSourceError {
                    return .refused(error)
                } catch {
                    return .refused(.notFound(table: schema.name, id: write.id))
                }
            }
        }
    }

    /// One write against the table, all or nothing; returns the record's version after it.
    private func apply(_ write: RecordWrite, to records: inout [RecordID: Record], now: Timestamp) throws -> Timestamp {
        switch write {
        case .insert(let id, let fields):
            guard records[id] == nil else { throw RecordSourceError.duplicateID(table: schema.name, id: id) }
            try validate(fields)
            if let numberField = schema.numberField, let number = fields[numberField],
               records.values.contains(where: { $0[numberField] == number }) {
                throw RecordSourceError.duplicateNumber(table: schema.name, number: number)
            }
            records[id] = Record(id: id, modifiedAt: now, fields: schema.newRecordFields(fields))
            return now
        case .update(let id, let fields, let expected):
            var record = try current(id, expected: expected, in: records)
            try validate(fields)
            record.fields.merge(fields) { _, new in new }
            record.fields = schema.withDerivedName(record.fields)
            record.modifiedAt = max(now, record.modifiedAt.adding(milliseconds: 1))
            records[id] = record
            return record.modifiedAt
        case .delete(let id, let expected):
            let record = try current(id, expected: expected, in: records)
            records[id] = nil
            return record.modifiedAt
        }
    }

    /// The record, if it is still at the version the write was planned from.
    private func current(_ id: RecordID, expected: Timestamp, in records: [RecordID: Record]) throws -> Record {
        guard let record = records[id] else { throw RecordSourceError.notFound(table: schema.name, id: id) }
        guard record.modifiedAt == expected else { throw RecordSourceError.changedElsewhere(table: schema.name, id: id) }
        return record
    }

    private func validate(_ fields: [String: String]) throws {
        for name in fields.keys where schema.field(named: name) == nil {
            throw RecordSourceError.unknownField(table: schema.name, field: name)
        }
    }

    public func nextNumber() throws -> String {
        guard let field = schema.numberField, let prefix = schema.numberPrefix else {
            throw RecordSourceError.noNumberSeries(table: schema.name)
        }
        let numbers = state.withLock { records in records.values.map { $0[field] } }
        return NumberSeries.next(after: numbers, prefix: prefix)
    }

    public func versions(since: Timestamp?, after start: RecordVersion?, limit: Int) throws -> [RecordVersion] {
        let versions = state.withLock { records in
            records.values.map { RecordVersion(id: $0.id, modifiedAt: $0.modifiedAt) }.filter { version in
                since.map { version.modifiedAt > $0 } ?? true && start.map { RecordVersion.sortsBefore($0, version) } ?? true
            }
        }
        return Array(versions.sorted(by: RecordVersion.sortsBefore).prefix(limit))
    }
}
