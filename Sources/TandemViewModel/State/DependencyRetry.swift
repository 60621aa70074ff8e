import TandemCore

/// What a finished synchronization can do about records that failed on a record they refer to that
/// is not coupled (a contact's company): couple those by match, then run the same synchronization again.
public struct DependencyRetry: Equatable, Sendable {
    public var dialog: SyncDialog
    public var choice: SyncChoice
    /// The failures that name (or whose records name) what is not coupled.
    public var problems: [RecordOutcome]
}
