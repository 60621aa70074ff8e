/// Where one replica table's pulls stand: the cursor the next incremental pull starts from, the page a
/// pull that was cut off resumes at, and what the pulls have seen so far.
public struct PullState: Sendable, Equatable {
    /// The cursor a completed pull left (nil: no pull has completed; the next one reads everything).
    public var cursor: String?
    /// A pull in progress: the next page's link. A pull killed half-way resumes here.
    public var nextLink: String?
    /// Whether the pull in progress started as a full read (so it ends with a deletion sweep).
    public var pullStartedFull: Bool
    public var lastPullAt: Timestamp?
    public var recordsPulled: Int
    /// Requests sent and seconds spent waiting on throttling, over every pull and push of the table.
    public var requests: Int
    public var secondsWaited: Double

    public init(cursor: String? = nil, nextLink: String? = nil, pullStartedFull: Bool = false, lastPullAt: Timestamp? = nil,
                recordsPulled: Int = 0, requests: Int = 0, secondsWaited: Double = 0) {
        self.cursor = cursor
        self.nextLink = nextLink
        self.pullStartedFull = pullStartedFull
        self.lastPullAt = lastPullAt
        self.recordsPulled = recordsPulled
        self.requests = requests
        self.secondsWaited = secondsWaited
    }
}
