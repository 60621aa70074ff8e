import Foundation

/// How field values are compared: text trimmed, decimals by value.
public enum FieldValue {
    /// Text as compared: leading and trailing white space removed.
    public static func normalizedText(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The comparable form of a value of `kind`. A decimal that does not parse compares as text.
    public static func normalized(_ value: String, kind: FieldKind) -> String {
        let text = normalizedText(value)
        guard kind == .decimal, isNumber(text), let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else { return text }
        return NSDecimalNumber(decimal: number).stringValue
    }

    /// Whether the text is a plain decimal number ("1200", "-3.5"); `Decimal(string:)` alone would accept "12abc".
    public static func isNumber(_ text: String) -> Bool {
        let trimmed = normalizedText(text)
        return !trimmed.isEmpty && trimmed.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }
            && Double(trimmed) != nil
    }

    /// Whether two values are the same for synchronization purposes.
    public static func same(_ lhs: String, _ rhs: String, kind: FieldKind) -> Bool {
        lhs == rhs || normalized(lhs, kind: kind) == normalized(rhs, kind: kind)
    }
}
