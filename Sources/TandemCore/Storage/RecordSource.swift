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
