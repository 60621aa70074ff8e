/// A cursor move that waits for rows still being loaded.
public enum PendingMove: Equatable, Sendable {
    case down(Int), up(Int)
}
