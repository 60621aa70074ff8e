extension FilterCondition {
    /// A condition written as a person types it: `Field=Value`, `Field!=Value`, `Field=` (is blank) or
    /// `Field!=` (is not blank). nil when the text has no `=`.
    public init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let negated = equals > text.startIndex && text[text.index(before: equals)] == "!"
        let field = FieldValue.normalizedText(String(text[..<(negated ? text.index(before: equals) : equals)]))
        let value = FieldValue.normalizedText(String(text[text.index(after: equals)...]))
        guard !field.isEmpty else { return nil }
        switch (negated, value.isEmpty) {
        case (false, true): self.init(field, .isBlank)
        case (true, true): self.init(field, .isNotBlank)
        case (false, false): self.init(field, .equals(value))
        case (true, false): self.init(field, .notEquals(value))
        }
    }
}
