/// A change to one record, as a side applies it. Updates and deletes are conditional: they carry the
/// version (`modifiedAt`) the caller read, and a side refuses them when the record moved since, so an
/// edit made by someone else in between is never overwritten unseen.
public enum RecordWrite: Sendable, Equatable {
    /// Create a record with this id (decided by the caller, so a retried create cannot duplicate it).
    case insert(id: RecordID, fields: [String: String])
    /// Set these fields, if the record is still at version `expected`; others stay as they are.
    case update(id: RecordID, fields: [String: String], expected: Timestamp)
    /// Delete the record, if it is still at version `expected`.
    case delete(id: RecordID, expected: Timestamp)

    public var id: RecordID {
        switch self {
        case .insert(let id, _), .update(let id, _, _), .delete(let id, _): id
        }
    }
}

/// What a side did with one write.
public enum WriteResult: Sendable, Equatable {
    /// Written; the record's new version (for a delete, the version it had).
    case written(Timestamp)
    /// Left alone, for this reason (`RecordSourceError.changedElsewhere` when someone else wrote the
    /// record since it was read).
    case refused(RecordSourceError)

    /// The new version, when written.
    public var version: Timestamp? {
        if case .written(let version) = self { return version }
        return nil
    }

    /// Why it was refused, when it was.
    public var refusal: RecordSourceError? {
        if case .refused(let error) = self { return error }
        return nil
    }
}

/// Where a page of a list starts.
public enum PageStart: Sendable, Equatable {
    case first
    case last
    /// The rows sorting after this key.
    case after(ListKey)
    /// The rows sorting before this key.
    case before(ListKey)
}

/// The position of a row in a list sorted by name: its sort key (the name folded, see
/// `TableSchema.sortKey`), then its id to break ties.
public struct ListKey: Sendable, Equatable, Hashable {
    public var sortKey: String
    public var id: RecordID

    public init(sortKey: String, id: RecordID) {
        self.sortKey = sortKey
        self.id = id
    }

    /// The key of `record` in a list of `schema`'s table.
    public init(_ record: Record, schema: TableSchema) {
        self.init(sortKey: schema.sortKey(of: record), id: record.id)
    }

    /// Byte order of the sort keys (as SQLite's BINARY collation), then id.
    public static func sortsBefore(_ lhs: ListKey, _ rhs: ListKey) -> Bool {
        if lhs.sortKey != rhs.sortKey { return lhs.sortKey.utf8.lexicographicallyPrecedes(rhs.sortKey.utf8) }
        return lhs.id < rhs.id
    }
}

/// One table on one side (ERP Customer, CRM account, …). The two sides are separate systems that
/// share no transaction; each `apply` is one transaction on its own side.
public protocol RecordSource: Sendable {
    var schema: TableSchema { get }

    /// How many records match `search` (nil or empty: all).
    func count(search: String?) throws -> Int

    /// Up to `limit` records sorted by name then id, starting at `start`, returned in ascending order.
    /// `search` keeps records whose name, number, city or e-mail contains the text (ASCII case ignored).
    /// Sorted by name means by `TableSchema.sortKey`: case and accents folded, so "Ärger" sorts with "Arbeit".
    func page(search: String?, from start: PageStart, limit: Int) throws -> [Record]

    /// Up to `limit` records in id order after `id` (nil: from the first): the engine's full scans.
    /// With `fields`, the records carry only those fields (a cheaper read for matching).
    func scan(after id: RecordID?, limit: Int, fields: [String]?) throws -> [Record]

    /// The records with these ids that exist, in no particular order.
    func records(ids: [RecordID]) throws -> [Record]

    /// The records with these numbers (ERP `No.`) that exist.
    func records(numbers: [String]) throws -> [Record]

    /// Records whose name equals `name`, or starts with it when `prefix` is set; case and accents are
    /// ignored ("cafe" finds "Café").
    func records(named name: String, prefix: Bool, limit: Int) throws -> [Record]

    /// Applies the writes in one transaction and returns one result per write, in order. Each write
    /// stands alone: a write that is refused (changed since it was read, not found, a duplicate, an
    /// unknown field) changes nothing and the others still land. Every write moves `modifiedAt`
    /// forward. Throws only when the side itself fails (then nothing is written).
    func apply(_ writes: [RecordWrite]) throws -> [WriteResult]

    /// The next free number of the table's number series (ERP only).
    func nextNumber() throws -> String

    /// Up to `limit` records at a version later than `since` (nil: any), ordered by version then id,
    /// starting after `start` (nil: from the first): how "Synchronize modified records" finds what
    /// changed without reading the table.
    func versions(since: Timestamp?, after start: RecordVersion?, limit: Int) throws -> [RecordVersion]
}

extension RecordSource {
    /// Whole records in id order after `id`.
    public func scan(after id: RecordID?, limit: Int) throws -> [Record] {
        try scan(after: id, limit: limit, fields: nil)
    }

    /// One record by id, or nil.
    public func record(id: RecordID) throws -> Record? { try records(ids: [id]).first }

    /// Applies one write and returns the record's new version, throwing its refusal.
    @discardableResult
    public func write(_ write: RecordWrite) throws -> Timestamp {
        switch try apply([write]).first {
        case .written(let version)?: return version
        case .refused(let error)?: throw error
        case nil: throw RecordSourceError.notFound(table: schema.name, id: write.id)
        }
    }

    /// Reads the record and sets these fields on the version read, as a person editing it does: when
    /// someone else writes the record in between, this throws `changedElsewhere` and writes nothing.
    @discardableResult
    public func edit(id: RecordID, fields: [String: String]) throws -> Timestamp {
        guard let current = try record(id: id) else { throw RecordSourceError.notFound(table: schema.name, id: id) }
        return try write(.update(id: id, fields: fields, expected: current.modifiedAt))
    }

    /// Looks records up by id in chunks, returning them keyed by id.
    public func recordsByID(_ ids: some Collection<RecordID>) throws -> [RecordID: Record] {
        var result: [RecordID: Record] = [:]
        result.reserveCapacity(ids.count)
        for chunk in Array(Set(ids)).chunked(into: 900) {
            for record in try records(ids: chunk) { result[record.id] = record }
        }
        return result
    }
}

/// Errors any side reports the same way.
public enum RecordSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(table: String, id: RecordID)
    /// The record's version is not the one the write was planned from: someone else wrote it since.
    case changedElsewhere(table: String, id: RecordID)
    case duplicateID(table: String, id: RecordID)
    case duplicateNumber(table: String, number: String)
    case unknownField(table: String, field: String)
    case noNumberSeries(table: String)

    public var description: String {
        switch self {
        case .notFound(let table, let id): "\(table) \(id) does not exist."
        case .changedElsewhere(let table, let id): "\(table) \(id) was changed by someone else since it was read."
        case .duplicateID(let table, let id): "\(table) \(id) already exists."
        case .duplicateNumber(let table, let number): "\(table) No. \(number) already exists."
        case .unknownField(let table, let field): "\(table) has no field \"\(field)\"."
        case .noNumberSeries(let table): "\(table) has no number series."
        }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    public func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: Swift.max(size, 1)).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension String {
    /// ASCII letters lowered, everything else untouched: SQLite's LIKE, which list searches use.
    var lowercasedASCII: String {
        String(decoding: utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
