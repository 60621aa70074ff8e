import Foundation

/// What the editing workers did: the last value each record was given, and the refusals.
final class EditLog: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String: String] = [:]
    private var refused: [String] = []
    private var duringSync = 0

    func record(number: String, value: String, status: Int32, error: String, duringSync during: Bool) {
        lock.withLock {
            if status == 0 {
                kept[number] = value
                if during { duringSync += 1 }
            } else {
                refused.append(error)
            }
        }
    }

    func summary() -> (kept: [String: String], refused: [String], duringSync: Int) {
        lock.withLock { (kept, refused, duringSync) }
    }
}
