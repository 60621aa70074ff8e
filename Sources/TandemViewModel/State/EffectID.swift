/// Names effects that replace one another: a newer effect under an id cancels the one in flight.
public enum EffectID: Hashable, Sendable {
    /// Finding the CRM record typed into the coupling dialog.
    case couplingSearch
    /// The coupling dialog's side-by-side comparison of the two records.
    case couplingComparison
    /// The coupling dialog's lookup list.
    case couplingLookup
    /// Looking whether others changed the workspace.
    case othersCheck

    /// Every effect the coupling dialog may have in flight, cancelled when it closes.
    public static let couplingDialog: [EffectID] = [.couplingSearch, .couplingComparison, .couplingLookup]
}
