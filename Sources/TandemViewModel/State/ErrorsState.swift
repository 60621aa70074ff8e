/// Coupled data synchronization errors (spec §8).
public struct ErrorsState: Equatable, Sendable {
    public var rows: [ErrorRow] = []
    public var cursor = 0
    public var loaded = false

    public init() {}
}
