/// One field a synchronization writes: its name on the destination, the value there now, the new value.
public struct FieldChange: Sendable, Equatable, Codable {
    public var field: String
    public var oldValue: String
    public var newValue: String

    public init(field: String, oldValue: String, newValue: String) {
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
