import TandemCore

/// Where loaded rows go in a pane's window.
public enum Placement: Equatable, Sendable {
    /// The list's first rows (a new filter, Home).
    case first
    /// The list's last rows (End).
    case last
    case after(ListKey)
    case before(ListKey)
    /// The rows around one record, which becomes the cursor row (a counterpart to show).
    case around(RecordID)
}
