/// Record text is untrusted: before it reaches a screen or a terminal, control characters and bidi
/// overrides become visible placeholders, so data can neither move the cursor (`\r`, `\b`), colour the
/// terminal (ESC sequences), ring the bell, nor reorder what is shown around it.
public enum DisplayText {
    /// C0 controls and DEL become their Control Pictures (␛ ␍ ␈ ␉ ␊ ␇ ␡); C1 controls and bidi
    /// embedding, override and isolate characters become U+FFFD (�).
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(needsReplacing(scalar) ? placeholder(for: scalar) : scalar)
        }
        return String(result)
    }

    /// Text the program laid out itself (lines of a table, a message with its own line breaks): the same
    /// placeholders, except that line feeds and tabs stay, as the layout. Record values put into such
    /// text must pass through `sanitized` first, so that a line break inside a value shows as ␊.
    public static func sanitizedKeepingLayout(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsReplacing($0) && !isLayout($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(needsReplacing(scalar) && !isLayout(scalar) ? placeholder(for: scalar) : scalar)
        }
        return String(result)
    }

    static func isLayout(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\t" }

    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || isBidiControl(value)
    }

    /// U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F, U+061C.
    static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x20 { return Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}" }
        if value == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }
}
