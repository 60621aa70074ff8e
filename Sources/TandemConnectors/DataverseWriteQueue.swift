import Foundation

/// The operations of one `DataverseTable.write` still to send, and the results so far, shared by the
/// threads sending batches. Operations a batch did not run, or that met a passing server error, go
/// back to the front of the queue. A thread that finds the queue empty while batches are still out
/// waits for them rather than leaving, since they may put operations back.
final class DataverseWriteQueue: @unchecked Sendable {
    /// One write on its way, its operation once built (by the thread that first sends it), and how
    /// many times it was sent already.
    struct Item: Sendable {
        let index: Int
        var operation: DataverseBatch.Operation?
        let sent: Int
    }

    private let condition = NSCondition()
    private var pending: [Item] = []
    private var out = 0
    private var abandoned = false
    private var settled: [RemoteWriteResult?]

    init(count: Int) { settled = Array(repeating: nil, count: count) }

    func add(_ item: Item) { condition.withLock { pending.append(item) } }

    /// The next `size` operations to send, or nil when none is left (or the write was abandoned).
    /// Each chunk taken must be handed back through `finished`.
    func take(_ size: Int) -> [Item]? {
        condition.withLock {
            while pending.isEmpty && out > 0 && !abandoned { condition.wait() }
            guard !pending.isEmpty, !abandoned else { return nil }
            let chunk = Array(pending.prefix(size))
            pending.removeFirst(chunk.count)
            out += 1
            return chunk
        }
    }

    /// A chunk is done; `again` goes before the rest.
    func finished(putBack again: [Item]) {
        condition.withLock {
            pending.insert(contentsOf: again, at: 0)
            out -= 1
            condition.broadcast()
        }
    }

    /// A batch failed for good: no thread takes more.
    func abandon() {
        condition.withLock {
            abandoned = true
            out -= 1
            condition.broadcast()
        }
    }

    func settle(_ index: Int, _ result: RemoteWriteResult) { condition.withLock { settled[index] = result } }

    /// Every result, or nil while one is missing.
    var results: [RemoteWriteResult]? {
        condition.withLock {
            let all = settled.compactMap { $0 }
            return all.count == settled.count ? all : nil
        }
    }
}
