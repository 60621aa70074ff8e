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
                result += "\\u" + hex4(scalar.value)
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

    private static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String((0..<4).reversed().map { digits[Int((value >> (UInt32($0) * 4)) & 0xF)] })
    }
}
