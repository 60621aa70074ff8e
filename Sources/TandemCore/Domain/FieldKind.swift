import Foundation

/// How a field's values compare: as trimmed text, or as numbers ("1000" equals "1000.00").
public enum FieldKind: String, Sendable, Codable {
    case text
    case decimal
}
