import Foundation

/// Faults armed by method and path substring, each for a number of matching requests, plus a
/// throttling burst that answers the next N requests with 429. Thread-safe.
public final class FaultInjector: @unchecked Sendable {
    private struct Rule {
        let fault: EmulatorFault
        let method: String?
        let pathContains: String
        var remaining: Int
    }

    private let lock = NSLock()
    private var rules: [Rule] = []
    private var burstRemaining = 0
    private var burstRetryAfter = 1

    public init() {}

    /// Arms `fault` for the next `times` requests whose method is `method` (nil: any) and whose
    /// decoded path contains `pathContains` ("" matches every path).
    public func inject(_ fault: EmulatorFault, method: String?, pathContains: String, times: Int) {
        lock.withLock {
            rules.append(Rule(fault: fault, method: method?.uppercased(), pathContains: pathContains, remaining: times))
        }
    }

    /// The next `count` requests (of any kind, except token requests) get 429 with `Retry-After`.
    public func throttleNext(_ count: Int, retryAfter: Int) {
        lock.withLock {
            burstRemaining = count
            burstRetryAfter = retryAfter
        }
    }

    /// Removes every armed fault and the burst.
    public func clear() {
        lock.withLock {
            rules.removeAll()
            burstRemaining = 0
        }
    }

    /// Consumes and returns the throttling burst's `Retry-After` if one is active.
    func takeBurst() -> Int? {
        lock.withLock {
            guard burstRemaining > 0 else { return nil }
            burstRemaining -= 1
            return burstRetryAfter
        }
    }

    /// Consumes one use of the first rule matching the request and returns its fault.
    func take(method: String, path: String) -> EmulatorFault? {
        lock.withLock {
            guard let index = rules.firstIndex(where: { rule in
                rule.remaining > 0 && (rule.method == nil || rule.method == method)
                    && (rule.pathContains.isEmpty || path.contains(rule.pathContains))
            }) else { return nil }
            rules[index].remaining -= 1
            let fault = rules[index].fault
            if rules[index].remaining == 0 { rules.remove(at: index) }
            return fault
        }
    }
}
