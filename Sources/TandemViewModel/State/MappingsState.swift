import TandemCore

/// The table and field mappings.
public struct MappingsState: Equatable, Sendable {
    public var mappings: [TableMapping] = []
    /// Which mapping is shown, and the field under the cursor.
    public var selected = 0
    public var cursor = 0

    public init() {}
}
