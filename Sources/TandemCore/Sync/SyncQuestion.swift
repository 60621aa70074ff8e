/// The question *Synchronize now* puts to a person before writing, as data: the screen asks it, the
/// command line refuses (or proceeds with `--force`) on it.
public enum SyncQuestion: Sendable, Equatable {
    /// "The record is not coupled. Do you want to set up a coupling?" (default No).
    case setUpCoupling(text: String)
    /// A menu of directions with the recommended one preselected, and a warning to show first.
    case menu(title: String, options: [SyncChoice], recommended: SyncChoice, warning: String?)
    /// A yes/no question about one direction.
    case confirm(text: String, choice: SyncChoice, defaultYes: Bool)

    /// The question for a record that is not coupled, in the current language.
    public static var notCoupledText: String { tr("The record is not coupled. Do you want to set up a coupling?") }
}
