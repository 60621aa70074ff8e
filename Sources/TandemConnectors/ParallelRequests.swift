import Foundation

/// Runs a few blocking requests at once, each on a thread of its own (they wait on the network, so
/// they need threads, not cores), and returns their answers in order; the first error is rethrown
/// once all have ended.
enum ParallelRequests {
    static func run<Item: Sendable, Answer: Sendable>(_ items: [Item], _ send: @escaping @Sendable (Item) throws -> Answer) throws -> [Answer] {
        guard items.count > 1 else { return try items.map(send) }
        let results = Results<Answer>(count: items.count)
        let group = DispatchGroup()
        for (index, item) in items.enumerated() {
            group.enter()
            Thread {
                results.set(index, Result { try send(item) })
                group.leave()
            }.start()
        }
        group.wait()
        return try results.all()
    }

    /// The answers as they arrive, from several threads.
    private final class Results<Answer>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<Answer, any Error>?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<Answer, any Error>) { lock.withLock { slots[index] = result } }

        func all() throws -> [Answer] { try lock.withLock { try slots.map { try $0!.get() } } }
    }
}
