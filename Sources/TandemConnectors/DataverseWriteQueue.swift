import Foundation

/// The operations of one `DataverseTable.write` still to send, and the results so far, shared by the
/// threads sending batches. Operations a batch did not run, or that met a passing server error, go
/// back to the front of the queue.
final class DataverseWriteQueue: @unchecked Sendable {
    /// One write on its way, its operation once built (by the thread that first sends it), and how
    /// many times it was sent already.
    struct Item: Sendable {
        let index: Int
        var operation: DataverseBatch.Operation?
        let sent: Int
    }

    private let lock = NSLock()
    private var pending: [Item] = []
    private var settled: [RemoteWriteResult?]

    init(count: Int) { settled = Array(repeating: nil, count: count) }

    func add(_ item: Item) { lock.withLock { pending.append(item) } }

    /// The next `size` operations to send, or nil when none is left.
    func take(_ size: Int) -> [Item]? {
        lock.withLock {
            guard !pending.isEmpty else { return nil }
            let chunk = Array(pending.prefix(size))
            pending.removeFirst(chunk.count)
            return chunk
        }
    }

    /// Operations to send again, before the rest.
    func putBack(_ items: [Item]) {
        guard !items.isEmpty else { return }
        lock.withLock { pending.insert(contentsOf: items, at: 0) }
    }

    func settle(_ index: Int, _ result: RemoteWriteResult) { lock.withLock { settled[index] = result } }

    /// Every result, or nil while one is missing.
    var results: [RemoteWriteResult]? {
        lock.withLock {
            let all = settled.compactMap { $0 }
            return all.count == settled.count ? all : nil
        }
    }
}
