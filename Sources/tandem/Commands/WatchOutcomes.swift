import Foundation

/// What each worker of `tandem watch` ended with, gathered from their threads.
final class WatchOutcomes: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcomes: [Bool] = []

    func add(_ clean: Bool) {
        condition.lock()
        outcomes.append(clean)
        condition.broadcast()
        condition.unlock()
    }

    func waitFor(count: Int) {
        condition.lock()
        while outcomes.count < count { condition.wait() }
        condition.unlock()
    }

    var allClean: Bool {
        condition.lock()
        defer { condition.unlock() }
        return outcomes.allSatisfy { $0 }
    }
}
