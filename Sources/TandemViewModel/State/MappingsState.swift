import TandemCore

/// The table and field mappings.
public struct MappingsState: Equatable, Sendable {
    public var mappings: [TableMapping] = []
    /// Which mapping is shown, and the field under the cursor.
    public var selected = 0
    public var cursor = 0
    /// A filter or constant being typed, if one is.
    public var prompt: MappingPrompt?

    public init() {}
}
