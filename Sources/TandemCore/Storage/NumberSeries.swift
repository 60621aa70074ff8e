/// ERP number series: the next number after the highest one with the table's prefix (C00010 → C00011).
public enum NumberSeries {
    public static let digits = 5

    public static func next(after numbers: some Sequence<String>, prefix: String) -> String {
        let highest = numbers.compactMap { number(in: $0, prefix: prefix) }.max() ?? 0
        return format(highest + 1, prefix: prefix)
    }

    /// The numeric part of `text` when it is `prefix` followed by digits only.
    public static func number(in text: String, prefix: String) -> Int? {
        guard text.hasPrefix(prefix) else { return nil }
        let digits = text.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    public static func format(_ value: Int, prefix: String) -> String {
        let text = String(value)
        return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
