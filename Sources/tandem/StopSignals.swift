import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM and SIGINT as a request to stop a long-running command: the signals' default action (the
/// end of the process) is turned off and each arrival sets a flag, through a dispatch signal source,
/// outside any signal handler. Work checks `isStopped` between batches; `wait(upTo:)` sleeps between
/// runs and wakes at once on a stop.
final class StopSignals: @unchecked Sendable {
    private let condition = NSCondition()
    private var received: Int32?
    private var sources: [any DispatchSourceSignal] = []

    init() {
        let queue = DispatchQueue(label: "tandem.stop-signals")
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.stop(number) }
            source.resume()
            sources.append(source)
        }
    }

    private func stop(_ number: Int32) {
        condition.lock()
        if received == nil { received = number }
        condition.broadcast()
        condition.unlock()
    }

    /// Whether a stop was asked for.
    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return received != nil
    }

    /// Sleeps `seconds`, or less if a stop is asked for meanwhile; returns whether one was.
    func wait(upTo seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while received == nil, condition.wait(until: deadline) {}
        return received != nil
    }
}
