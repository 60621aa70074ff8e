/// A condition on one field of a record; a filter admits a record when all its conditions hold.
public struct FilterCondition: Sendable, Codable, Equatable {
    public enum Test: Sendable, Codable, Equatable {
        case isBlank
        case isNotBlank
        case equals(String)
        case notEquals(String)
    }

    public var field: String
    public var test: Test

    public init(_ field: String, _ test: Test) {
        self.field = field
        self.test = test
    }

    public func holds(for record: Record) -> Bool {
        let value = FieldValue.normalizedText(record[field])
        switch test {
        case .isBlank: return value.isEmpty
        case .isNotBlank: return !value.isEmpty
        case .equals(let expected): return value.caseInsensitiveCompare(expected) == .orderedSame
        case .notEquals(let expected): return value.caseInsensitiveCompare(expected) != .orderedSame
        }
    }

    /// "Blocked is blank", "statecode = Active".
    public var summary: String {
        switch test {
        case .isBlank: "\(field) is blank"
        case .isNotBlank: "\(field) is not blank"
        case .equals(let value): "\(field) = \(value)"
        case .notEquals(let value): "\(field) ≠ \(value)"
        }
    }
}
