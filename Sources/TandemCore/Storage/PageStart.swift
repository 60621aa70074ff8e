/// Where a page of a list starts.
public enum PageStart: Sendable, Equatable {
    case first
    case last
    /// The rows sorting after this key.
    case after(ListKey)
    /// The rows sorting before this key.
    case before(ListKey)
}
