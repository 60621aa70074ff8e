/// A job that has not been given its id yet.
public struct NewJob: Sendable {
    public var type: JobType
    public var mapping: String
    public var direction: SyncDirection?
    public var startedAt: Timestamp
    /// The lease of the process that runs it.
    public var owner: String?

    public init(type: JobType, mapping: String, direction: SyncDirection?, startedAt: Timestamp, owner: String? = nil) {
        self.type = type
        self.mapping = mapping
        self.direction = direction
        self.startedAt = startedAt
        self.owner = owner
    }
}
