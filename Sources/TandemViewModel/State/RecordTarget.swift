import TandemCore

/// Records a command acts on: some rows of a pane, or every row its filter shows (less exceptions).
public enum RecordTarget: Equatable, Sendable {
    case records(PaneID, [RecordID])
    case allShown(PaneID, filter: String, except: Set<RecordID>)

    public var pane: PaneID {
        switch self {
        case .records(let pane, _), .allShown(let pane, _, _): pane
        }
    }
}
