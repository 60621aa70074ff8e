import Testing
@testable import TandemCore

@Suite struct CouplingRuleTests {
    let synced = Timestamp(milliseconds: 1_000_000)

    func coupling() -> Coupling {
        Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate(),
                 erpModifiedAtLastSync: synced, crmModifiedAtLastSync: synced)
    }

    @Test func aSideChangedWhenItsTimestampIsTenMillisecondsLaterOrMore() {
        let coupling = coupling()
        #expect(!coupling.recordChanged(on: .erp, modifiedAt: synced.adding(milliseconds: 9)))
        #expect(coupling.recordChanged(on: .erp, modifiedAt: synced.adding(milliseconds: 10)))
        #expect(!coupling.recordChanged(on: .crm, modifiedAt: synced))
    }

    @Test func neverSynchronizedCountsAsChanged() {
        let fresh = Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate())
        #expect(fresh.recordChanged(on: .erp, modifiedAt: synced))
        #expect(fresh.recordChanged(on: .crm, modifiedAt: synced))
    }

    @Test func aFailedPassFromASideCountsAsChangedUnlessSkipped() {
        var coupling = coupling()
        coupling.recordFailure(.toCRM, reason: .legacy("boom"), job: 1, at: synced)
        #expect(coupling.recordChanged(on: .erp, modifiedAt: synced))
        #expect(!coupling.recordChanged(on: .crm, modifiedAt: synced))
        coupling.skipped = true
        #expect(!coupling.recordChanged(on: .erp, modifiedAt: synced))
    }

    @Test func theSameFailureTwiceInARowMarksSkipped() {
        var coupling = coupling()
        coupling.recordFailure(.toCRM, reason: .legacy("boom"), job: 1, at: synced)
        #expect(!coupling.skipped)
        coupling.recordFailure(.toCRM, reason: .legacy("other"), job: 2, at: synced)
        #expect(!coupling.skipped && coupling.consecutiveFailures == 1)
        coupling.recordFailure(.toCRM, reason: .legacy("other"), job: 3, at: synced)
        #expect(coupling.skipped)
    }

    @Test func successResetsFailuresAndTimestampsOnlyMoveForward() {
        var coupling = coupling()
        coupling.recordFailure(.toCRM, reason: .legacy("boom"), job: 1, at: synced)
        coupling.recordSuccess(.toCRM, job: 2, at: synced, erpModifiedAt: synced.adding(milliseconds: 500),
                               crmModifiedAt: synced.adding(milliseconds: -500))
        #expect(coupling.consecutiveFailures == 0 && coupling.lastError == nil)
        #expect(coupling.lastResultToCRM == PassResult(succeeded: true, jobID: 2, at: synced))
        #expect(coupling.erpModifiedAtLastSync == synced.adding(milliseconds: 500))
        #expect(coupling.crmModifiedAtLastSync == synced)
    }
}
