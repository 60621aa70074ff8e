import Foundation
import TandemConnectors
import TandemCore

/// A remote table held in memory with the rules the connectors rely on: every write gives the record
/// a new ETag, updates and deletes are refused when the ETag sent is not the current one, creates with
/// an id that exists are refused, pages are served from a snapshot taken when the pull began, and a
/// cursor is the position in the change log. It stands in for the HTTP clients where a test is about
/// the replica and the record source rather than a wire format (those run against the emulators).
final class InMemoryService: RemoteTable, @unchecked Sendable {
    let tableName: String
    private let lock = NSLock()
    private var rows: [String: RemoteRecord] = [:]
    private var changeLog: [(sequence: Int, remoteID: String, deleted: Bool)] = []
    private var sequence = 0
    private var etagCounter = 0
    private var snapshots: [String: [RemoteRecord]] = [:]
    /// Links of pages served, in order (what a resumed pull did or did not read again).
    private(set) var pagesServed: [String] = []
    /// The cursors older than this are forgotten (a Dataverse change-tracking token that expired).
    var forgetCursorsBefore = 0
    /// Fail the n-th page request from now (1: the next one) with an unreachable service.
    var failPageRequest: Int?
    private(set) var writesReceived: [RemoteWrite] = []
    /// Every call counts as one request; nothing here makes anyone wait.
    private var calls = 0
    var traffic: (requests: Int, secondsWaited: Double) { lock.withLock { (calls, 0) } }

    init(tableName: String) { self.tableName = tableName }

    private func nextETag() -> String {
        etagCounter += 1
        return "W/\"\(etagCounter)\""
    }

    private func logChange(_ remoteID: String, deleted: Bool) {
        sequence += 1
        changeLog.append((sequence, remoteID, deleted))
    }

    /// Adds or changes a record as another user of the service would.
    @discardableResult
    func edit(_ remoteID: String, _ fields: [String: String]) -> RemoteRecord {
        lock.lock()
        defer { lock.unlock() }
        var record = rows[remoteID] ?? RemoteRecord(remoteID: remoteID, etag: "", modifiedAt: Timestamp(milliseconds: 0), fields: [:])
        record.fields.merge(fields) { $1 }
        record.etag = nextETag()
        record.modifiedAt = Timestamp(Date())
        rows[remoteID] = record
        logChange(remoteID, deleted: false)
        return record
    }

    func deleteAsAnotherUser(_ remoteID: String) {
        lock.lock()
        defer { lock.unlock() }
        rows[remoteID] = nil
        logChange(remoteID, deleted: true)
    }

    func record(_ remoteID: String) -> RemoteRecord? {
        lock.lock()
        defer { lock.unlock() }
        return rows[remoteID]
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return rows.count
    }

    func firstPage(_ start: PullStart, pageSize: Int) throws -> PullPage {
        lock.lock()
        calls += 1
        defer { lock.unlock() }
        let records: [RemoteRecord]
        var deleted: [String] = []
        switch start {
        case .full:
            records = rows.values.sorted { $0.remoteID < $1.remoteID }
        case .since(let cursor):
            guard let since = Int(cursor.value), since >= forgetCursorsBefore else {
                throw ConnectorError.cursorExpired(table: tableName)
            }
            let changed = changeLog.filter { $0.sequence > since }
            let ids = Set(changed.map(\.remoteID))
            records = ids.compactMap { rows[$0] }.sorted { $0.remoteID < $1.remoteID }
            deleted = ids.filter { rows[$0] == nil }.sorted()
        }
        let key = UUID().uuidString
        snapshots[key] = records
        return try page(key, offset: 0, pageSize: pageSize, deleted: deleted, cursor: sequence)
    }

    func nextPage(link: String, pageSize: Int) throws -> PullPage {
        lock.lock()
        calls += 1
        defer { lock.unlock() }
        let parts = link.split(separator: "|").map(String.init)
        guard parts.count == 3, let offset = Int(parts[1]), let cursor = Int(parts[2]) else {
            throw ConnectorError.malformedResponse(service: "memory", detail: link)
        }
        return try page(parts[0], offset: offset, pageSize: pageSize, deleted: [], cursor: cursor)
    }

    private func page(_ key: String, offset: Int, pageSize: Int, deleted: [String], cursor: Int) throws -> PullPage {
        if let remaining = failPageRequest {
            failPageRequest = remaining - 1
            if remaining == 1 {
                failPageRequest = nil
                throw ConnectorError.unreachable(service: "memory", url: key, reason: "injected")
            }
        }
        let link = "\(key)|\(offset)|\(cursor)"
        pagesServed.append(link)
        guard let snapshot = snapshots[key] else { throw ConnectorError.cursorExpired(table: tableName) }
        let end = min(snapshot.count, offset + pageSize)
        let next: PullNext = end < snapshot.count ? .page(link: "\(key)|\(end)|\(cursor)") : .done(PullCursor(String(cursor)))
        return PullPage(records: Array(snapshot[offset..<end]), deletedIDs: offset == 0 ? deleted : [], next: next)
    }

    func records(remoteIDs: [String]) throws -> [RemoteRecord] {
        lock.lock()
        calls += 1
        defer { lock.unlock() }
        return remoteIDs.compactMap { rows[$0] }
    }

    func records(numbers: [String]) throws -> [RemoteRecord] { [] }

    func allRemoteIDs() throws -> Set<String> {
        lock.lock()
        calls += 1
        defer { lock.unlock() }
        return Set(rows.keys)
    }

    func write(_ writes: [RemoteWrite]) throws -> [RemoteWriteResult] {
        lock.lock()
        calls += 1
        defer { lock.unlock() }
        writesReceived += writes
        return writes.map { write in
            switch write {
            case .create(let remoteID, let fields):
                if rows[remoteID] != nil { return .refused("A record with this id already exists.") }
                if fields["name"] == "" { return .refused("The name must not be blank.") }
                let record = RemoteRecord(remoteID: remoteID, etag: nextETag(), modifiedAt: Timestamp(Date()), fields: fields)
                rows[remoteID] = record
                logChange(remoteID, deleted: false)
                return .written(record)
            case .update(let remoteID, let etag, let fields):
                guard var record = rows[remoteID] else { return .notFound }
                guard record.etag == etag else { return .changedElsewhere }
                record.fields.merge(fields) { $1 }
                record.etag = nextETag()
                rows[remoteID] = record
                logChange(remoteID, deleted: false)
                return .written(record)
            case .delete(let remoteID, let etag):
                guard let record = rows[remoteID] else { return .notFound }
                guard record.etag == etag else { return .changedElsewhere }
                rows[remoteID] = nil
                logChange(remoteID, deleted: true)
                return .deleted
            }
        }
    }
}
