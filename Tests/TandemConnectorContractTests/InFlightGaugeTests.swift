import Foundation
import Testing
@testable import TandemEmulator

/// The throughput benchmark's diagnostic, on a clock the test sets: the mean number of requests in
/// flight from the first to the last, the most at once, and the time with none.
@Suite struct InFlightGaugeTests {
    private let start: TimeInterval = 1_000_000

    @Test func theMeanAndTheIdleTimeFollowTheRequests() {
        let gauge = InFlightGauge()
        #expect(gauge.summary == (0, 0, 0))
        // Two requests overlap for a second, then nothing for two seconds, then one for a second.
        gauge.enter(at: start)
        gauge.enter(at: start + 1)
        gauge.leave(at: start + 2)
        gauge.leave(at: start + 3)
        gauge.enter(at: start + 5)
        gauge.leave(at: start + 6)
        let summary = gauge.summary
        #expect(summary.seconds == 6 && summary.secondsIdle == 2)
        // 1 + 2 + 1 + 0 + 0 + 1 request-seconds over 6 s.
        #expect(abs(summary.meanInFlight - 5.0 / 6.0) < 1e-9)
        #expect(gauge.mostAtOnce == 2)
    }
}
