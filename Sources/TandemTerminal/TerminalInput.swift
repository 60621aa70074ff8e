import TandemViewModel

/// What the terminal reports when it wakes.
enum TerminalInput: Equatable {
    case key(Key)
    case resize(Size)
    /// Nothing arrived for `TerminalSession.idleInterval`.
    case idle
}
