import Foundation

/// Keeps a few threads sending blocking requests one after another for as long as there is work
/// (they wait on the network, so they need threads, not cores). No thread waits for another's
/// answer, so one slow batch never holds the others back. The first error stops every thread from
/// taking more work, and is rethrown once all have ended.
enum ParallelRequests {
    /// Runs `work` on `workers` threads, each calling it again until it answers false (no work left).
    static func drain(workers: Int, _ work: @escaping @Sendable () throws -> Bool) throws {
        guard workers > 1 else {
            while try work() {}
            return
        }
        let failure = FirstFailure()
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    while !failure.happened, try work() {}
                } catch {
                    failure.record(error)
                }
            }.start()
        }
        group.wait()
        try failure.rethrow()
    }

    /// The first error any thread met, handed across threads under a lock.
    private final class FirstFailure: @unchecked Sendable {
        private let lock = NSLock()
        private var error: (any Error)?

        var happened: Bool { lock.withLock { error != nil } }

        func record(_ error: any Error) { lock.withLock { if self.error == nil { self.error = error } } }

        func rethrow() throws { if let error = lock.withLock({ error }) { throw error } }
    }
}
