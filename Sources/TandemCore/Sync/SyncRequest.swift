/// A synchronize-now request.
public struct SyncRequest: Sendable, Equatable {
    public var mapping: String
    public var selection: RecordSelection
    public var choice: SyncChoice
    /// Overwrite a destination that changed since the last sync. Set only when a person confirmed it
    /// (the single-record question) or asked for it (`--force`); a bulk run never does so silently.
    public var overwriteChangedDestination: Bool
    /// For merge: which side wins each true conflict, keyed by ERP field name.
    public var resolutions: [String: Side]

    public init(mapping: String, selection: RecordSelection, choice: SyncChoice,
                overwriteChangedDestination: Bool = false, resolutions: [String: Side] = [:]) {
        self.mapping = mapping
        self.selection = selection
        self.choice = choice
        self.overwriteChangedDestination = overwriteChangedDestination
        self.resolutions = resolutions
    }

    /// Whether this request also creates and couples the mapping's uncoupled source records: a one-way
    /// pass over every pair of a mapping that synchronizes more than its coupled records.
    func createsUncoupled(_ mapping: TableMapping) -> Bool {
        selection == .allCoupled && choice.direction != nil && !mapping.onlyCoupled
    }
}
