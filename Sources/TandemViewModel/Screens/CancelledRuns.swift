import Foundation

/// Runs that were asked to stop between batches.
final class CancelledRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: Set<Int> = []

    func cancel(_ token: Int) {
        lock.lock()
        tokens.insert(token)
        lock.unlock()
    }

    func isCancelled(_ token: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return tokens.contains(token)
    }
}
