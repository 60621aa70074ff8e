/// Why the real system would not take a value into a field: it holds a NUL character (U+0000), which
/// neither system stores (and SQLite's text binding would silently cut the value there), or it is longer
/// than the field. Lengths are UTF-16 code units, the unit Business Central and Dataverse count in.
public enum FieldRefusal: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    case holdsNUL
    case tooLong(length: Int, maxLength: Int)

    /// The refusal for `value` in `field`, or nil when the field takes it.
    public static func of(_ value: String, in field: FieldDefinition) -> FieldRefusal? {
        if value.utf8.contains(0) { return .holdsNUL }
        let length = value.utf16.count
        return length > field.maxLength ? .tooLong(length: length, maxLength: field.maxLength) : nil
    }

    /// The first refused value of `fields` by the schema's order, with the field's name.
    public static func first(in fields: [String: String], schema: TableSchema) -> (field: String, refusal: FieldRefusal)? {
        for definition in schema.fields {
            if let value = fields[definition.name], let refusal = of(value, in: definition) { return (definition.name, refusal) }
        }
        return nil
    }

    public var description: String {
        switch self {
        case .holdsNUL:
            tr("the value holds a NUL character (U+0000), which the ERP and the CRM cannot store")
        case .tooLong(let length, let maxLength):
            tr("the value is {0} characters long; the field holds at most {1}", length, maxLength)
        }
    }
}
