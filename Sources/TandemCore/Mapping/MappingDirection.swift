/// Which way a mapping (or one field of it) may carry data.
public enum MappingDirection: String, Sendable, Codable, CaseIterable {
    case bidirectional
    case toCRM
    case fromCRM

    /// Whether a pass in `direction` may use this mapping or field.
    public func allows(_ direction: SyncDirection) -> Bool {
        switch self {
        case .bidirectional: true
        case .toCRM: direction == .toCRM
        case .fromCRM: direction == .fromCRM
        }
    }
}
