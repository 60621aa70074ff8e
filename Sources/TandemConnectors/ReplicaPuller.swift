import TandemCore

/// Brings one replica table up to date with its service, a page at a time. Each page's rows and the
/// state that says where the pull stands (the next page's link, or at the end the new cursor) are
/// stored in one transaction, so a pull killed at any point resumes at the page after the last one
/// stored and never skips one; the cursor moves only when a pull has read to its end.
public struct ReplicaPuller: Sendable {
    public let replica: any RecordReplica
    public let remote: any RemoteTable
    public let carriedFields: [String]
    /// Whether deletions are found by comparing every id (Business Central, whose `$filter` reads do
    /// not report them) after each pull, rather than only after a full one.
    public let scansForDeletions: Bool
    public let pageSize: Int
    private let clock: any TimeSource

    public init(replica: any RecordReplica, remote: any RemoteTable, carriedFields: [String], scansForDeletions: Bool,
                pageSize: Int, clock: any TimeSource = SystemTimeSource()) {
        self.replica = replica
        self.remote = remote
        self.carriedFields = carriedFields
        self.scansForDeletions = scansForDeletions
        self.pageSize = pageSize
        self.clock = clock
    }

    /// Pulls what changed since the stored cursor (everything with `full`, or when there is none or
    /// the service expired it), resuming a pull that was cut off. `progress` hears of every page.
    @discardableResult
    public func pull(full: Bool = false, progress: (PullReport) -> Void = { _ in }) throws -> PullReport {
        var state = try replica.pullState()
        // What this pull costs the service, stored with each page: a resumed pull adds to what its
        // cut-off part had counted.
        let before = remote.traffic
        let counted = state.nextLink != nil && !full ? (state.requests, state.secondsWaited) : (0, 0)
        func countTraffic() {
            let now = remote.traffic
            state.requests = counted.0 + now.requests - before.requests
            state.secondsWaited = counted.1 + now.secondsWaited - before.secondsWaited
        }
        var page: PullPage
        var report: PullReport
        if !full, let link = state.nextLink {
            report = PullReport(table: remote.tableName, full: state.pullStartedFull, resumed: true)
            do {
                page = try remote.nextPage(link: link, pageSize: pageSize)
            } catch ConnectorError.cursorExpired {
                (page, report) = try begin(full: state.pullStartedFull, state: &state)
            }
        } else {
            (page, report) = try begin(full: full, state: &state)
        }
        while true {
            report.pages += 1
            state.recordsPulled += page.records.count
            let link: String?
            switch page.next {
            case .page(let next):
                state.nextLink = next
                link = next
            case .done(let cursor):
                state.nextLink = nil
                state.cursor = cursor.value
                state.lastPullAt = clock.now()
                link = nil
            }
            countTraffic()
            let rows = page.records.map { PulledRow(remoteID: $0.remoteID, etag: $0.etag, fields: $0.fields) }
            report.changes = report.changes + (try replica.store(page: rows, fields: carriedFields,
                                                                 deletedRemoteIDs: page.deletedIDs, state: state))
            progress(report)
            guard let link else { break }
            page = try remote.nextPage(link: link, pageSize: pageSize)
        }
        if report.full || scansForDeletions {
            let scanStarted = clock.now()
            let ids = try remote.allRemoteIDs()
            state.pullStartedFull = false
            countTraffic()
            report.changes.deleted += try replica.sweep(keeping: Set(ids.map { $0.lowercased() }), scanStarted: scanStarted,
                                                        state: state)
        }
        return report
    }

    /// The first page of a new pull: incremental from the cursor, or full.
    private func begin(full: Bool, state: inout PullState) throws -> (PullPage, PullReport) {
        if !full, let cursor = state.cursor {
            do {
                let page = try remote.firstPage(.since(PullCursor(cursor)), pageSize: pageSize)
                state.pullStartedFull = false
                return (page, PullReport(table: remote.tableName, full: false, resumed: false))
            } catch ConnectorError.cursorExpired {
                // The service forgot the cursor (Dataverse keeps change tracking for a limited time):
                // read everything again; the deletion sweep at the end catches what vanished meanwhile.
            }
        }
        state.pullStartedFull = true
        return (try remote.firstPage(.full, pageSize: pageSize), PullReport(table: remote.tableName, full: true, resumed: false))
    }
}
