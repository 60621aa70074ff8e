import Foundation

/// Every pause the connected services make, told to a listener as it starts (a progress line that
/// shows waiting honestly) and added up, so a long job can say how much of its time was the services'
/// limits. Shared by every table of a connected workspace; thread-safe, as parallel batches wait too.
/// Waits that overlap (four batches throttled at once) count once: the total is wall-clock time
/// during which some request of the service was waiting, never more than the job took.
public final class ServiceWaits: @unchecked Sendable {
    private let lock = NSLock()
    private var listener: (@Sendable (ServiceWait) -> Void)?
    private var waited = 0.0
    private var byService: [String: Double] = [:]
    /// Per service, the end of the latest wait counted so far.
    private var coveredUntil: [String: Date] = [:]

    public init() {}

    /// Tells `listener` of each wait from now on (replacing any listener before it).
    public func listen(_ listener: (@Sendable (ServiceWait) -> Void)?) {
        lock.withLock { self.listener = listener }
    }

    /// Seconds waited so far, in all and per service.
    public var secondsWaited: (total: Double, byService: [String: Double]) {
        lock.withLock { (waited, byService) }
    }

    func record(_ wait: ServiceWait, now: Date = Date()) {
        let listener = lock.withLock {
            let end = now.addingTimeInterval(wait.seconds)
            let covered = coveredUntil[wait.service] ?? .distantPast
            let added = max(0, end.timeIntervalSince(max(now, covered)))
            coveredUntil[wait.service] = max(covered, end)
            waited += added
            byService[wait.service, default: 0] += added
            return self.listener
        }
        listener?(wait)
    }
}
