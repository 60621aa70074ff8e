import Foundation
import TandemCore

/// Wraps a record source and fails writes to chosen records, or counts calls.
final class FaultyRecordSource: ForwardingRecordSource, @unchecked Sendable {
    private let lock = NSLock()
    var failingIDs: Set<RecordID> = []
    var failAfterWriting = false
    private(set) var applyCalls = 0

    struct Crash: Error {}

    /// Writes to failing records are refused (as a side refuses a bad record); with
    /// `failAfterWriting`, the writes land and then the call fails, as a timeout that hid a success.
    override func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        lock.lock()
        applyCalls += 1
        let failing = failingIDs, crash = failAfterWriting
        lock.unlock()
        let passing = writes.filter { !failing.contains($0.id) }
        var results = try base.apply(passing).makeIterator()
        let merged: [WriteResult] = writes.map { write in
            failing.contains(write.id) ? .refused(.unknownField(table: schema.name, field: "rejected by the CRM"))
                : results.next() ?? .refused(.notFound(table: schema.name, id: write.id))
        }
        if crash { throw Crash() }
        return merged
    }
}
