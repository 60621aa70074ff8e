/// What a cell means, not how it looks: the terminal maps roles to colours, or to reverse, bold and
/// underline when there are no colours, so cursor, selection and conflicts stay distinguishable.
public enum StyleRole: String, Sendable, CaseIterable {
    case normal, title, header, status, keyHint
    case cursor, selected, cursorSelected, counterpart
    case coupled, changed, skipped, failed, conflict
    case dim, placeholder, error
    case dialog, dialogTitle, focused
    /// Quieter text inside a dialog (a hint, a row that cannot be chosen): it keeps the dialog's
    /// background, so it never punches a hole in the box.
    case dialogNote
}

extension StyleRole {
    /// A one-letter name for style maps in tests.
    public var letter: String {
        switch self {
        case .normal: "."
        case .title: "T"
        case .header: "H"
        case .status: "S"
        case .keyHint: "K"
        case .cursor: "C"
        case .selected: "s"
        case .cursorSelected: "X"
        case .counterpart: "P"
        case .coupled: "c"
        case .changed: "g"
        case .skipped: "k"
        case .failed: "f"
        case .conflict: "!"
        case .dim: "d"
        case .placeholder: "?"
        case .error: "E"
        case .dialog: "D"
        case .dialogTitle: "Q"
        case .focused: "F"
        case .dialogNote: "n"
        }
    }
}
