import TandemCore

/// The order of a card: each group where its first field stands, with all of its fields.
enum CardLayout {
    static func groups(_ schema: TableSchema) -> [String] {
        var groups: [String] = []
        for field in schema.fields where !groups.contains(field.group) { groups.append(field.group) }
        return groups
    }

    /// Field indices in the order the card shows them (and the cursor walks them).
    static func order(_ schema: TableSchema) -> [Int] {
        groups(schema).flatMap { group in schema.fields.indices.filter { schema.fields[$0].group == group } }
    }
}
