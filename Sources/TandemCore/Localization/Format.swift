import Foundation

/// Numbers, dates and times as a language writes them: English as Tandem always wrote them
/// (2026-11-25 14:03, 25000.00, 25,000 records), Spanish as Spain does (25/11/2026 14:03, 25.000,00,
/// 25.000 registros), in the person's time zone. JSON keeps UTC ISO 8601 and plain numbers.
public enum Format {
    /// A whole number: "25,000" / "25.000" (Spanish groups from five digits, as the RAE advises: "2500").
    public static func integer(_ value: Int, in language: Language = .current) -> String {
        let digits = String(value.magnitude)
        let separator: Character
        switch language {
        case .english: return String(value)
        case .spanish:
            separator = "."
            guard digits.count > 4 else { return (value < 0 ? "-" : "") + digits }
        }
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// "2026-11-25 14:03" / "25/11/2026 14:03", in `zone`.
    public static func dateTime(_ stamp: Timestamp, in zone: TimeZone, language: Language = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute],
                                            from: Date(timeIntervalSince1970: Double(stamp.milliseconds) / 1000))
        let (year, month, day) = (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let (hour, minute) = (parts.hour ?? 0, parts.minute ?? 0)
        switch language {
        case .english: return String(format: "%04d-%02d-%02d %02d:%02d", year, month, day, hour, minute)
        case .spanish: return String(format: "%02d/%02d/%04d %02d:%02d", day, month, year, hour, minute)
        }
    }

    /// A decimal as stored ("25000.5", "-3") in the language's writing: "25000.5" as stored in
    /// English, "25.000,50" in Spanish (two decimals, groups from five digits). Text that is not a
    /// number is returned as it is.
    public static func decimal(_ stored: String, in language: Language = .current) -> String {
        guard language == .spanish, var value = Decimal(string: stored, locale: Locale(identifier: "en_US_POSIX")),
              value.isFinite else { return stored }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let negative = rounded < 0
        let cents = NSDecimalNumber(decimal: (negative ? -rounded : rounded) * 100).int64Value
        let whole = Int(cents / 100), fraction = Int(cents % 100)
        return (negative ? "-" : "") + integer(whole, in: .spanish) + "," + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
