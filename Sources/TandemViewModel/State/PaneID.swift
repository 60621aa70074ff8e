import TandemCore

/// A pane: one side of one page.
public struct PaneID: Hashable, Sendable {
    public var page: PageKind
    public var side: Side

    public init(_ page: PageKind, _ side: Side) {
        self.page = page
        self.side = side
    }
}
