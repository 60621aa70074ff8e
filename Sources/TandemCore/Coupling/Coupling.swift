/// One coupled pair of records: 1:1 on each side within a mapping, plus what the last sync left behind.
public struct Coupling: Sendable, Codable, Equatable {
    public var mapping: String
    public var erpID: RecordID
    public var crmID: RecordID
    public var erpModifiedAtLastSync: Timestamp?
    public var crmModifiedAtLastSync: Timestamp?
    public var lastResultToCRM: PassResult?
    public var lastResultFromCRM: PassResult?
    /// Excluded from all synchronization until a user retries it.
    public var skipped: Bool
    /// The message of the most recent failure, and how many passes in a row failed with it.
    public var lastError: RecordFailure?
    public var consecutiveFailures: Int
    public var snapshot: FieldSnapshot
    /// The stored row's version, moved on every write: a change to the coupling is refused when the
    /// row moved since it was read (0: not stored yet).
    public var version: Int64

    public init(mapping: String, erpID: RecordID, crmID: RecordID,
                erpModifiedAtLastSync: Timestamp? = nil, crmModifiedAtLastSync: Timestamp? = nil,
                lastResultToCRM: PassResult? = nil, lastResultFromCRM: PassResult? = nil,
                skipped: Bool = false, lastError: RecordFailure? = nil, consecutiveFailures: Int = 0,
                snapshot: FieldSnapshot = [:], version: Int64 = 0) {
        self.mapping = mapping
        self.erpID = erpID
        self.crmID = crmID
        self.erpModifiedAtLastSync = erpModifiedAtLastSync
        self.crmModifiedAtLastSync = crmModifiedAtLastSync
        self.lastResultToCRM = lastResultToCRM
        self.lastResultFromCRM = lastResultFromCRM
        self.skipped = skipped
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
        self.snapshot = snapshot
        self.version = version
    }

    /// How many identical failures in a row mark a coupling skipped.
    public static let failuresBeforeSkipping = 2

    public func id(on side: Side) -> RecordID { side == .erp ? erpID : crmID }

    /// The pair, to remove or replace it only while it is still this pair.
    public var pair: CouplingPair { CouplingPair(mapping: mapping, erpID: erpID, crmID: crmID) }

    public func modifiedAtLastSync(on side: Side) -> Timestamp? {
        side == .erp ? erpModifiedAtLastSync : crmModifiedAtLastSync
    }

    /// The result of the last pass that read from `side`.
    public func lastResult(from side: Side) -> PassResult? {
        side == .erp ? lastResultToCRM : lastResultFromCRM
    }

    /// Whether the last pass either way failed.
    public var hasFailure: Bool {
        lastResultToCRM?.succeeded == false || lastResultFromCRM?.succeeded == false
    }

    /// Never synchronized (a side's timestamp missing), or its last pass failed and it is not skipped
    /// (failed records are retried; skipped ones wait to be restored): out of step whatever its
    /// records' versions.
    public var isUnsettled: Bool {
        erpModifiedAtLastSync == nil || crmModifiedAtLastSync == nil || (hasFailure && !skipped)
    }

    /// BC's record-level test: `side`'s record changed since the last sync when its `modifiedAt` is
    /// later than the stored one (by 10 ms or more), when it was never synchronized, or when the last
    /// pass from that side failed and the coupling is not skipped (failed records are retried).
    public func recordChanged(on side: Side, modifiedAt: Timestamp) -> Bool {
        if lastResult(from: side)?.succeeded == false && !skipped { return true }
        guard let stored = modifiedAtLastSync(on: side) else { return true }
        return modifiedAt.isLater(than: stored)
    }

    /// Records a successful pass: timestamps only move forward; failures are cleared.
    public mutating func recordSuccess(_ direction: SyncDirection, job: JobID, at: Timestamp,
                                       erpModifiedAt: Timestamp, crmModifiedAt: Timestamp) {
        erpModifiedAtLastSync = max(erpModifiedAtLastSync ?? erpModifiedAt, erpModifiedAt)
        crmModifiedAtLastSync = max(crmModifiedAtLastSync ?? crmModifiedAt, crmModifiedAt)
        let result = PassResult(succeeded: true, jobID: job, at: at)
        if direction == .toCRM { lastResultToCRM = result } else { lastResultFromCRM = result }
        lastError = nil
        consecutiveFailures = 0
    }

    /// Records a failed pass; the same reason failing twice in a row marks the coupling skipped.
    public mutating func recordFailure(_ direction: SyncDirection, reason: RecordFailure, job: JobID, at: Timestamp) {
        let result = PassResult(succeeded: false, jobID: job, at: at)
        if direction == .toCRM { lastResultToCRM = result } else { lastResultFromCRM = result }
        consecutiveFailures = lastError == reason ? consecutiveFailures + 1 : 1
        lastError = reason
        if consecutiveFailures >= Self.failuresBeforeSkipping { skipped = true }
    }

    /// Takes the sync state of `other` (the same pair as an earlier job found it): timestamps, results,
    /// skipped mark, last error and snapshot; the pair and this row's version stay.
    public mutating func restoreState(of other: Coupling) {
        erpModifiedAtLastSync = other.erpModifiedAtLastSync
        crmModifiedAtLastSync = other.crmModifiedAtLastSync
        lastResultToCRM = other.lastResultToCRM
        lastResultFromCRM = other.lastResultFromCRM
        skipped = other.skipped
        lastError = other.lastError
        consecutiveFailures = other.consecutiveFailures
        snapshot = other.snapshot
    }

    /// Forgets everything the CRM side's last syncs left (used when re-coupling to another CRM record).
    public mutating func resetCRMSyncState(to crmID: RecordID) {
        self.crmID = crmID
        crmModifiedAtLastSync = nil
        lastResultFromCRM = nil
        lastResultToCRM = nil
        skipped = false
        lastError = nil
        consecutiveFailures = 0
        snapshot = [:]
    }
}
