import TandemCore

/// A record source that hands every call to another; subclasses change what they need.
class ForwardingRecordSource: RecordSource, @unchecked Sendable {
    let base: any RecordSource

    init(_ base: any RecordSource) { self.base = base }

    var schema: TableSchema { base.schema }
    func count(search: String?) throws -> Int { try base.count(search: search) }
    func page(search: String?, from start: PageStart, limit: Int) throws -> [Record] {
        try base.page(search: search, from: start, limit: limit)
    }
    func scan(after id: RecordID?, limit: Int, fields: [String]?) throws -> [Record] {
        try base.scan(after: id, limit: limit, fields: fields)
    }
    func records(ids: [RecordID]) throws -> [Record] { try base.records(ids: ids) }
    func records(numbers: [String]) throws -> [Record] { try base.records(numbers: numbers) }
    func records(named name: String, prefix: Bool, limit: Int) throws -> [Record] {
        try base.records(named: name, prefix: prefix, limit: limit)
    }
    func nextNumber() throws -> String { try base.nextNumber() }
    func apply(_ writes: [RecordWrite]) throws -> [WriteResult] { try base.apply(writes) }
    func versions(since: Timestamp?, after start: RecordVersion?, limit: Int) throws -> [RecordVersion] {
        try base.versions(since: since, after: start, limit: limit)
    }
}
