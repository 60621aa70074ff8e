import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

@Suite struct WorkspaceStoreContractTests {
    @Test(arguments: Backend.allCases)
    func couplingsRoundTripWithSnapshotsOfAnyText(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        var coupling = Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate(),
                                erpModifiedAtLastSync: Timestamp(milliseconds: 5), crmModifiedAtLastSync: nil,
                                snapshot: ["Name": SnapshotValue(erp: "Evil\u{1B}[31m\r\u{8}12:34", crm: "日本 🍣"),
                                           "City": SnapshotValue(erp: "", crm: "3:abc")])
        coupling.recordFailure(.fromCRM, reason: .legacy("boom"), job: 7, at: Timestamp(milliseconds: 9))
        var changes = WorkspaceChanges()
        changes.couplings = [.claim(coupling)]
        #expect(try store.commit(changes).isEmpty)
        coupling.version = 1
        #expect(try store.coupling(mapping: "CUSTOMER", side: .crm, id: coupling.crmID) == coupling)
        #expect(try store.problemCouplings() == [coupling])
        #expect(try store.coupledIDs(mapping: "CUSTOMER", side: .erp) == [coupling.erpID])
    }

    @Test(arguments: Backend.allCases)
    func aClaimOnACoupledRecordIsRefusedAloneAndNothingIsRePointed(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        let erp = RecordID.generate(), crm = RecordID.generate()
        var first = WorkspaceChanges()
        first.couplings = [.claim(Coupling(mapping: "CUSTOMER", erpID: erp, crmID: crm))]
        try store.commit(first)
        let job = try store.startJob(NewJob(type: .coupling, mapping: "CUSTOMER", direction: nil, startedAt: made.clock.now()))
        let fresh = Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate())
        var clash = WorkspaceChanges(jobID: job.id)
        clash.couplings = [.claim(fresh), .claim(Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: crm)),
                           .claim(Coupling(mapping: "CUSTOMER", erpID: erp, crmID: .generate()))]
        clash.jobErrors = [JobError(jobID: job.id, at: made.clock.now(), reason: .alreadyCoupled, sourceSide: .erp,
                                    sourceID: nil, destinationID: nil)]
        #expect(try store.commit(clash) == [1: .alreadyCoupled, 2: .alreadyCoupled])
        #expect(try store.couplingCount(mapping: "CUSTOMER") == 2)
        #expect(try store.coupling(mapping: "CUSTOMER", side: .erp, id: erp)?.crmID == crm)
        #expect(try store.jobErrors(job.id).map(\.reason) == [.alreadyCoupled])
    }

    @Test(arguments: Backend.allCases)
    func couplingChangesAreConditionalOnWhatWasRead(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        var claim = WorkspaceChanges()
        let original = Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate())
        claim.couplings = [.claim(original)]
        try store.commit(claim)
        let read = try #require(try store.coupling(mapping: "CUSTOMER", side: .erp, id: original.erpID))
        var first = read, second = read
        first.skipped = true
        second.consecutiveFailures = 1
        var winner = WorkspaceChanges(), loser = WorkspaceChanges()
        winner.couplings = [.update(first)]
        loser.couplings = [.update(second)]
        #expect(try store.commit(winner).isEmpty)
        // The second writer read the same version: its update and its removal are refused.
        #expect(try store.commit(loser) == [0: .couplingChangedElsewhere])
        #expect(try store.coupling(mapping: "CUSTOMER", side: .erp, id: read.erpID)?.skipped == true)
        var stale = WorkspaceChanges()
        let other = RecordID.generate()
        stale.couplings = [.replace(old: [CouplingPair(mapping: "CUSTOMER", erpID: read.erpID, crmID: other)],
                                    new: Coupling(mapping: "CUSTOMER", erpID: read.erpID, crmID: other))]
        #expect(try store.commit(stale) == [0: .couplingChangedElsewhere])
        #expect(try store.coupling(mapping: "CUSTOMER", side: .erp, id: read.erpID)?.crmID == read.crmID)
    }

    @Test(arguments: Backend.allCases)
    func anIntentClaimsItsSourceAgainstOtherJobs(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        let source = RecordID.generate()
        let mine = CreationIntent(newID: .generate(), mapping: "CUSTOMER", side: .crm, sourceID: source, jobID: 1)
        let theirs = CreationIntent(newID: .generate(), mapping: "CUSTOMER", side: .crm, sourceID: source, jobID: 2)
        var intend = WorkspaceChanges(jobID: 1)
        intend.couplings = [.intend(mine, replacing: nil)]
        #expect(try store.commit(intend).isEmpty)
        var second = WorkspaceChanges(jobID: 2)
        second.couplings = [.intend(theirs, replacing: nil),
                            .claim(Coupling(mapping: "CUSTOMER", erpID: source, crmID: .generate()))]
        #expect(try store.commit(second) == [0: .claimedByJob(1), 1: .claimedByJob(1)])
        var finish = WorkspaceChanges(jobID: 1)
        finish.couplings = [.resolve(mine, coupling: Coupling(mapping: "CUSTOMER", erpID: source, crmID: mine.newID), replacing: nil)]
        #expect(try store.commit(finish).isEmpty)
        #expect(try store.creationIntents(mapping: "CUSTOMER").isEmpty)
        // Resolved twice (a second recoverer): refused, and the coupling stays as it is.
        #expect(try store.commit(finish) == [0: .couplingChangedElsewhere])
        var late = WorkspaceChanges(jobID: 2)
        late.couplings = [.intend(theirs, replacing: nil)]
        #expect(try store.commit(late) == [0: .alreadyCoupled])
        #expect(try store.coupling(mapping: "CUSTOMER", side: .erp, id: source)?.crmID == mine.newID)
    }

    @Test(arguments: Backend.allCases)
    func jobsErrorsChangesAndIntentsRoundTrip(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        var job = try store.startJob(NewJob(type: .synchronization, mapping: "CUSTOMER", direction: .toCRM,
                                            startedAt: made.clock.now(), owner: "lease"))
        job.counters.modified = 3
        job.counters.changedElsewhere = 2
        job.finishedAt = made.clock.now().adding(milliseconds: 1500)
        job.note = .coupled(erp: "C00010 \u{1B}]0;x\u{7}", crm: "Ünïcødé")
        let record = RecordID.generate()
        let intent = CreationIntent(newID: record, mapping: "CUSTOMER", side: .crm, sourceID: .generate(), jobID: job.id)
        var changes = WorkspaceChanges(jobID: job.id)
        changes.updatedJobs = [job]
        changes.recordChanges = [RecordChange(jobID: job.id, side: .crm, table: "account", recordID: record,
                                              modifiedAtAfter: Timestamp(milliseconds: 1), created: false,
                                              fields: [.init(name: "name", oldValue: "a,b", newValue: "c\nd")])]
        changes.couplings = [.intend(intent, replacing: nil)]
        changes.jobErrors = [JobError(jobID: job.id, at: made.clock.now(), reason: .lookupNotCoupled(field: "X", value: "\u{1B}y"),
                                      sourceSide: .erp, sourceID: record, destinationID: nil)]
        try store.commit(changes)
        #expect(try store.job(job.id) == job)
        #expect(try store.jobs(limit: 5) == [job])
        #expect(try store.recordChanges(job.id) == changes.recordChanges)
        #expect(try store.jobErrors(job.id) == changes.jobErrors)
        #expect(try store.creationIntents(mapping: "CUSTOMER") == [intent])
        #expect(job.durationMilliseconds == 1500)
    }

    @Test(arguments: Backend.allCases)
    func couplingsAsAJobFoundThemRoundTripFirstOneKept(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        let job = try store.startJob(NewJob(type: .synchronization, mapping: "CUSTOMER", direction: .toCRM, startedAt: made.clock.now()))
        var first = Coupling(mapping: "CUSTOMER", erpID: .generate(), crmID: .generate(),
                             erpModifiedAtLastSync: Timestamp(milliseconds: 5), snapshot: ["Name": SnapshotValue(erp: "a", crm: "b")])
        first.recordFailure(.toCRM, reason: .changedSincePreview, job: 3, at: Timestamp(milliseconds: 9))
        var second = first
        second.snapshot = [:]
        var changes = WorkspaceChanges(jobID: job.id)
        changes.couplingsBefore = [CouplingBefore(jobID: job.id, coupling: first), CouplingBefore(jobID: job.id, coupling: second)]
        try store.commit(changes)
        let found = try store.couplingsBefore(job.id, mapping: "CUSTOMER", erpIDs: [first.erpID, .generate()])
        #expect(found.count == 1)
        var expected = first
        expected.version = found[first.erpID]?.version ?? 0
        #expect(found[first.erpID] == expected)
        #expect(try store.couplingsBefore(job.id + 1, mapping: "CUSTOMER", erpIDs: [first.erpID]).isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func unfinishedJobsAreMarkedInterruptedOnce(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        let running = try store.startJob(NewJob(type: .synchronization, mapping: "CUSTOMER", direction: .toCRM,
                                                startedAt: made.clock.now()))
        #expect(try store.unfinishedJobs().map(\.id) == [running.id])
        #expect(try store.markInterrupted([running.id], at: made.clock.now()) == [running.id])
        #expect(try store.markInterrupted([running.id], at: made.clock.now()).isEmpty)
        #expect(try store.job(running.id)?.interrupted == true)
        #expect(try store.unfinishedJobs().isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func aJobsChangesArePagedByKeyInWrittenOrder(_ backend: Backend) throws {
        let made = try backend.make()
        defer { made.cleanUp() }
        let store = made.workspace.store
        let first = try store.startJob(NewJob(type: .synchronization, mapping: "CUSTOMER", direction: .toCRM, startedAt: made.clock.now()))
        let second = try store.startJob(NewJob(type: .synchronization, mapping: "CUSTOMER", direction: .toCRM, startedAt: made.clock.now()))
        func change(_ job: SyncJob, _ value: Int) -> RecordChange {
            RecordChange(jobID: job.id, side: .crm, table: "account", recordID: .generate(), modifiedAtAfter: Timestamp(milliseconds: 1),
                         created: false, fields: [.init(name: "name", oldValue: "", newValue: String(value))])
        }
        // The two jobs' changes interleave in the log, as two commits in turn would write them.
        var written: [RecordChange] = []
        for value in 0..<7 {
            var changes = WorkspaceChanges()
            changes.recordChanges = [change(first, value), change(second, value)]
            try store.commit(changes)
            written.append(changes.recordChanges[0])
        }
        var pages: [[RecordChange]] = []
        var page = try store.recordChanges(first.id, after: nil, limit: 3)
        while let last = page.last {
            pages.append(page.changes)
            page = try store.recordChanges(first.id, after: last, limit: 3)
        }
        #expect(pages.map(\.count) == [3, 3, 1] && pages.flatMap { $0 } == written)
        #expect(page.changes.isEmpty)
        #expect(try store.recordChangeCount(first.id) == 7 && store.recordChangeCount(999) == 0)
    }
}
