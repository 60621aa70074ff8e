import Foundation

/// Every pause the connected services make, told to a listener as it starts (a progress line that
/// shows waiting honestly) and added up, so a long job can say how much of its time was the services'
/// limits. Shared by every table of a connected workspace; thread-safe, as parallel batches wait too.
public final class ServiceWaits: @unchecked Sendable {
    private let lock = NSLock()
    private var listener: (@Sendable (ServiceWait) -> Void)?
    private var waited = 0.0
    private var byService: [String: Double] = [:]

    public init() {}

    /// Tells `listener` of each wait from now on (replacing any listener before it).
    public func listen(_ listener: (@Sendable (ServiceWait) -> Void)?) {
        lock.withLock { self.listener = listener }
    }

    /// Seconds waited so far, in all and per service.
    public var secondsWaited: (total: Double, byService: [String: Double]) {
        lock.withLock { (waited, byService) }
    }

    func record(_ wait: ServiceWait) {
        let listener = lock.withLock {
            waited += wait.seconds
            byService[wait.service, default: 0] += wait.seconds
            return self.listener
        }
        listener?(wait)
    }
}
