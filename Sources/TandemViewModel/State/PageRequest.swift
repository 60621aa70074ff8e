/// A request for rows, carried by an effect and answered by `RowsLoaded`.
public struct PageRequest: Equatable, Sendable {
    public var pane: PaneID
    public var placement: Placement
    public var filter: String
    public var limit: Int
    public var generation: Int
    /// Count the rows matching the filter too (only when the window is replaced). The count is a
    /// scan, so it follows the rows as `totalCounted`: the rows are painted first.
    public var countTotal: Bool
}
