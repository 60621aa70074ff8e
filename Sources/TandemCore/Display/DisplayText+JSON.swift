extension DisplayText {
    /// A JSON document with every code point `sanitized` would replace written as a `\uXXXX` escape.
    /// Foundation's encoder escapes C0 controls but leaves DEL, C1 controls and bidi controls raw; those
    /// can only occur inside JSON strings, where the escape means the same character, so the document
    /// stays valid and decodes to the same values. Everything else stays UTF-8 as it was.
    public static func escapingControlsInJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsJSONEscape) else { return json }
        var result = ""
        result.reserveCapacity(json.utf8.count + 64)
        for scalar in json.unicodeScalars {
            if needsJSONEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Layout whitespace between JSON tokens (the pretty printer's line feeds) is not inside a string.
    private static func needsJSONEscape(_ scalar: Unicode.Scalar) -> Bool {
        needsReplacing(scalar) && scalar != "\n"
    }
}
