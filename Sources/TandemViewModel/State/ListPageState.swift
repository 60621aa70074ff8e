import TandemCore

/// A list page: the ERP pane and the CRM pane side by side.
public struct ListPageState: Equatable, Sendable {
    public let kind: PageKind
    public var erp: PaneState
    public var crm: PaneState
    public var focus: Side = .erp
    /// Typing into the focused pane's filter.
    public var editingFilter = false
    /// Loaded at least once.
    public var started = false

    public init(kind: PageKind) {
        self.kind = kind
        erp = PaneState(id: PaneID(kind, .erp))
        crm = PaneState(id: PaneID(kind, .crm))
    }

    public subscript(side: Side) -> PaneState {
        get { side == .erp ? erp : crm }
        set { if side == .erp { erp = newValue } else { crm = newValue } }
    }
}
