import Foundation
import TandemCore

/// A side that lets "someone else" write between the engine's read and its write: `interleave` runs
/// once, right before the next `apply`, on the wrapped table.
final class InterleavingSource: ForwardingRecordSource, @unchecked Sendable {
    let table: InMemoryRecordSource
    private let lock = NSLock()
    private var pending: ((InMemoryRecordSource) throws -> Void)?

    init(_ table: InMemoryRecordSource) {
        self.table = table
        super.init(table)
    }

    func interleave(_ edit: @escaping (InMemoryRecordSource) throws -> Void) { lock.withLock { pending = edit } }

    override func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        let edit = lock.withLock { () -> ((InMemoryRecordSource) throws -> Void)? in
            defer { pending = nil }
            return pending
        }
        try edit?(table)
        return try base.apply(writes)
    }
}
