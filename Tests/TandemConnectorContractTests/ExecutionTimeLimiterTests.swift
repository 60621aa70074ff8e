import Foundation
import Testing
import TandemEmulator

/// The emulator's execution-time limit, on a clock the test sets: it lets requests in until the time
/// spent in the window reaches the limit, then names the wait until enough of it has left the window.
@Suite struct ExecutionTimeLimiterTests {
    private let start = Date(timeIntervalSince1970: 1_000_000)

    @Test func requestsGoInUntilTheSpentTimeReachesTheLimitAndWaitUntilItLeavesTheWindow() {
        let limiter = ExecutionTimeLimiter(limit: 10, window: 60)
        #expect(limiter.admit("ana", now: start) == nil)
        limiter.charge("ana", seconds: 6, now: start)
        #expect(limiter.admit("ana", now: start.addingTimeInterval(5)) == nil)   // 6 of 10: the limit can be exceeded
        limiter.charge("ana", seconds: 6, now: start.addingTimeInterval(10))
        // 12 of 10: refused until the first 6 leave the window at start + 60.
        #expect(limiter.admit("ana", now: start.addingTimeInterval(20)) == 40)
        #expect(limiter.admit("ana", now: start.addingTimeInterval(60)) == nil)
    }

    @Test func eachUserHasATimeOfTheirOwn() {
        let limiter = ExecutionTimeLimiter(limit: 1, window: 60)
        limiter.charge("ana", seconds: 2, now: start)
        #expect(limiter.admit("ana", now: start) == 60)
        #expect(limiter.admit("ben", now: start) == nil)
    }
}
