/// What to do when a coupled record's counterpart no longer exists.
public enum DeletionConflictPolicy: String, Sendable, Codable, CaseIterable {
    /// Fail the record: "coupled to a deleted record".
    case none
    /// Re-create the missing record from the surviving one and couple it.
    case restore
    /// Remove the coupling.
    case removeCoupling
}
