/// When a record of a table with a composed name holds `value` in `field`, its name is its own, entered
/// as it is, not made from the parts: BC's contact of type Company has a Name and no first name or
/// surname.
public struct OwnNameCondition: Sendable, Equatable {
    public var field: String
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }

    /// Whether a record with these fields keeps its own name (the value compared trimmed, ignoring case).
    public func holds(for fields: [String: String]) -> Bool {
        FieldValue.normalizedText(fields[field] ?? "").caseInsensitiveCompare(value) == .orderedSame
    }
}
