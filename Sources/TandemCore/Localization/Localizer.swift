/// Makes the words a person reads from a catalogue entry: the English text is the key (so English
/// output is the source text itself), a module's table gives the other languages, and `{0}`, `{1}` …
/// stand for the arguments. A key missing from a table falls back to English at run time; the
/// catalogue test (`CatalogueTests`) fails the build's tests on any key missing from a table, any table
/// entry no source uses, and any translation whose placeholders differ from its key's.
public enum Localizer {
    /// `key` in `language`, from `table` (English: the key itself), with its placeholders filled.
    public static func text(_ key: String, _ arguments: [String], table: [String: String],
                            language: Language = .current) -> String {
        let template = language == .english ? key : table[key] ?? key
        return fill(template, arguments)
    }

    /// The form of `one`/`other` that `count` takes in `language` — both English and Spanish use the
    /// singular for exactly 1 and the plural otherwise (0 included: "0 registros") — with `{0}` the
    /// count and `{1}`… the other arguments. The table's key is `one` + "|" + `other`, its value the
    /// two Spanish forms joined the same way.
    public static func plural(_ one: String, _ other: String, count: Int, _ arguments: [String], table: [String: String],
                              language: Language = .current) -> String {
        var forms = (one, other)
        if language != .english, let translated = table[one + "|" + other] {
            let parts = translated.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2 { forms = (parts[0], parts[1]) }
        }
        return fill(count == 1 ? forms.0 : forms.1, [Format.integer(count, in: language)] + arguments)
    }

    /// `{n}` replaced by the n-th argument; a brace that is not a placeholder stays as it is.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let index = Int(after[..<close]), arguments.indices.contains(index) {
                result += arguments[index]
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}
