import Foundation

/// How field values are compared: text trimmed, decimals by value.
public enum FieldValue {
    /// Text as compared: leading and trailing white space removed.
    public static func normalizedText(_ value: String) -> String {
        // Most values have nothing to trim; look at the two ends before paying for a new string.
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return value }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return value }
        let scalars = value.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }

    /// The comparable form of a value of `kind`. A decimal that does not parse compares as text.
    public static func normalized(_ value: String, kind: FieldKind) -> String {
        let text = normalizedText(value)
        guard kind == .decimal, isNumber(text), let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else { return text }
        return NSDecimalNumber(decimal: number).stringValue
    }

    /// Text folded for case-insensitive comparison; ASCII text takes a fast path.
    public static func caseFolded(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            if !text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) { return text }
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return text.lowercased()
    }

    /// Whether the text is a plain decimal number ("1200", "-3.5"); `Decimal(string:)` alone would accept "12abc".
    public static func isNumber(_ text: String) -> Bool {
        let trimmed = normalizedText(text)
        return !trimmed.isEmpty && trimmed.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }
            && Double(trimmed) != nil
    }

    /// Whether two values are the same for synchronization purposes.
    public static func same(_ lhs: String, _ rhs: String, kind: FieldKind) -> Bool {
        if lhs == rhs { return true }
        let left = normalizedText(lhs), right = normalizedText(rhs)
        if left == right { return true }
        return kind == .decimal && normalized(left, kind: kind) == normalized(right, kind: kind)
    }
}
