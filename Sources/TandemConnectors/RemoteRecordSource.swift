import Foundation
import TandemCore

/// A table that lives in a remote service, as the engine and the screens see it: every read comes
/// from the local replica (so lists stay instant and work offline), every write goes to the service
/// as a conditional request and, once the service has answered, into the replica.
///
/// A write is refused without a request when the replica's record is no longer at the version the
/// caller planned from; the service then checks its own ETag, so an edit made there in between is
/// reported as changed elsewhere (and read into the replica), never overwritten.
public final class RemoteRecordSource: RecordSource {
    public let replica: any RecordReplica
    /// The fields the service carries; the others (Business Central's customer `Contact`) are kept in
    /// the replica only.
    public let carriedFields: [String]
    public let remote: RemoteTableProvider

    public var schema: TableSchema { replica.records.schema }

    public init(replica: any RecordReplica, carriedFields: [String], remote: RemoteTableProvider) {
        self.replica = replica
        self.carriedFields = carriedFields
        self.remote = remote
    }

    public func count(search: String?) throws -> Int { try replica.records.count(search: search) }
    public func page(search: String?, from start: PageStart, limit: Int) throws -> [Record] {
        try replica.records.page(search: search, from: start, limit: limit)
    }
    public func scan(after id: RecordID?, limit: Int, fields: [String]?) throws -> [Record] {
        try replica.records.scan(after: id, limit: limit, fields: fields)
    }
    public func records(ids: [RecordID]) throws -> [Record] { try replica.records.records(ids: ids) }
    public func records(numbers: [String]) throws -> [Record] { try replica.records.records(numbers: numbers) }
    public func records(named name: String, prefix: Bool, limit: Int) throws -> [Record] {
        try replica.records.records(named: name, prefix: prefix, limit: limit)
    }
    public func nextNumber() throws -> String { try replica.records.nextNumber() }
    public func versions(since: Timestamp?, after start: RecordVersion?, limit: Int) throws -> [RecordVersion] {
        try replica.records.versions(since: since, after: start, limit: limit)
    }

    public func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        guard !writes.isEmpty else { return [] }
        let current = try replica.records.recordsByID(writes.map(\.id))
        let links = try replica.links(ids: writes.map(\.id))
        var results = [WriteResult?](repeating: nil, count: writes.count)
        var outgoing: [(index: Int, write: RemoteWrite, sentFrom: String?)] = []
        for (index, write) in writes.enumerated() {
            switch prepare(write, current: current[write.id], link: links[write.id]) {
            case .failure(let refusal): results[index] = .refused(refusal)
            case .success(let (remoteWrite, etag)): outgoing.append((index, remoteWrite, etag))
            }
        }
        if !outgoing.isEmpty {
            let table = try remote.table()
            let answers = try table.write(outgoing.map(\.write))
            guard answers.count == outgoing.count else {
                throw ConnectorError.malformedResponse(service: remote.serviceName,
                                                       detail: "\(answers.count) results for \(outgoing.count) writes")
            }
            var reread: [(index: Int, remoteID: String)] = []
            var written: [(index: Int, record: RemoteRecord, sentFrom: String?)] = []
            for (sent, answer) in zip(outgoing, answers) {
                let write = writes[sent.index]
                switch answer {
                case .written(let record):
                    written.append((sent.index, record, sent.sentFrom))
                case .deleted:
                    try replica.remove(id: write.id)
                    results[sent.index] = .written(current[write.id]?.modifiedAt ?? Timestamp(milliseconds: 0))
                case .changedElsewhere:
                    results[sent.index] = .refused(.changedElsewhere(table: schema.name, id: write.id))
                    if let link = links[write.id] { reread.append((sent.index, link.remoteID)) }
                case .notFound:
                    if case .insert = write {} else { try replica.remove(id: write.id) }
                    results[sent.index] = .refused(.notFound(table: schema.name, id: write.id))
                case .refused(let message):
                    results[sent.index] = .refused(.rejected(table: schema.name, id: write.id, message: message))
                }
            }
            let versions = try storeWritten(written.map { (writes[$0.index], $0.record, $0.sentFrom) })
            for (item, version) in zip(written, versions) { results[item.index] = .written(version) }
            try refresh(remoteIDs: reread.map(\.remoteID), from: table)
            for (index, _) in reread {
                if let version = try landedAlready(writes[index]) { results[index] = .written(version) }
            }
        }
        return results.map { $0 ?? .refused(.notFound(table: schema.name, id: RecordID(""))) }
    }

    /// The request for one write, or why it is refused before any request.
    private func prepare(_ write: RecordWrite, current: Record?, link: ReplicaLink?)
        -> Result<(RemoteWrite, String?), RecordSourceError> {
        let carried = Set(carriedFields)
        switch write {
        case .insert(let id, let fields):
            if let unknown = fields.keys.first(where: { schema.field(named: $0) == nil }) {
                return .failure(.unknownField(table: schema.name, field: unknown))
            }
            if current != nil { return .failure(.duplicateID(table: schema.name, id: id)) }
            let all = schema.newRecordFields(fields).filter { carried.contains($0.key) }
            return .success((.create(remoteID: id.rawValue, fields: all), nil))
        case .update(let id, let fields, let expected):
            if let unknown = fields.keys.first(where: { schema.field(named: $0) == nil }) {
                return .failure(.unknownField(table: schema.name, field: unknown))
            }
            guard let current, let link else { return .failure(.notFound(table: schema.name, id: id)) }
            guard current.modifiedAt == expected else { return .failure(.changedElsewhere(table: schema.name, id: id)) }
            return .success((.update(remoteID: link.remoteID, etag: link.etag,
                                     fields: fields.filter { carried.contains($0.key) }), link.etag))
        case .delete(let id, let expected):
            guard let current, let link else { return .failure(.notFound(table: schema.name, id: id)) }
            guard current.modifiedAt == expected else { return .failure(.changedElsewhere(table: schema.name, id: id)) }
            return .success((.delete(remoteID: link.remoteID, etag: link.etag), link.etag))
        }
    }

    /// Stores the records the service answered with, in one transaction, then the fields it does not
    /// carry (kept in the replica only); returns each record's version after both, in order.
    private func storeWritten(_ answered: [(write: RecordWrite, record: RemoteRecord, sentFrom: String?)])
        throws -> [Timestamp] {
        let written = answered.map { item in
            WrittenRecord(id: item.write.id, row: PulledRow(remoteID: item.record.remoteID, etag: item.record.etag, fields: item.record.fields),
                          sentFrom: item.sentFrom)
        }
        let stored: [Timestamp?]
        do {
            stored = try replica.storeWritten(written, fields: carriedFields)
        } catch where written.count > 1 {
            // One record the replica cannot take must not undo the others: each is stored on its own,
            // then the first failure is thrown, as it would have been for that record alone.
            var failure: (any Error)?
            for item in written {
                do { _ = try replica.storeWritten([item], fields: carriedFields) } catch { failure = failure ?? error }
            }
            throw failure ?? error
        }
        var versions: [Timestamp] = []
        for (item, storedVersion) in zip(answered, stored) {
            let write = item.write
            var version = try storedVersion ?? replica.records.record(id: write.id)?.modifiedAt ?? item.record.modifiedAt
            let given: [String: String]
            switch write {
            case .insert(_, let fields): given = fields
            case .update(_, let fields, _): given = fields
            case .delete: given = [:]
            }
            let kept = given.filter { !carriedFields.contains($0.key) }
            if !kept.isEmpty, storedVersion != nil {
                version = try replica.records.write(.update(id: write.id, fields: kept, expected: version))
            }
            versions.append(version)
        }
        return versions
    }

    /// An update refused as changed elsewhere whose record, read again, already holds every value it
    /// carried: its own first attempt landed and only the answer was lost (the retry met the ETag that
    /// attempt made). Nobody's edit is lost by calling it written; the fields kept only in the replica
    /// are then stored. Returns the record's version, or nil when it really was someone else.
    private func landedAlready(_ write: RecordWrite) throws -> Timestamp? {
        guard case .update(let id, let fields, _) = write, let fresh = try replica.records.record(id: id) else { return nil }
        let carried = Set(carriedFields)
        let sent = fields.filter { carried.contains($0.key) }
        guard !sent.isEmpty, sent.allSatisfy({ fresh.fields[$0.key] ?? "" == $0.value }) else { return nil }
        let kept = fields.filter { !carried.contains($0.key) }
        guard !kept.isEmpty else { return fresh.modifiedAt }
        return try replica.records.write(.update(id: id, fields: kept, expected: fresh.modifiedAt))
    }

    /// Reads records the service said were changed elsewhere into the replica, so the next plan sees
    /// what the other person wrote.
    private func refresh(remoteIDs: [String], from table: any RemoteTable) throws {
        guard !remoteIDs.isEmpty else { return }
        let fresh = try table.records(remoteIDs: remoteIDs)
        try replica.store(page: fresh.map { PulledRow(remoteID: $0.remoteID, etag: $0.etag, fields: $0.fields) },
                          fields: carriedFields, state: nil)
    }
}
