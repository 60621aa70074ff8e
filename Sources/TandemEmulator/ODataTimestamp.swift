import Foundation

/// The timestamp formats on the wire, computed from whole milliseconds since 1970 so that nothing
/// is lost to floating point: BC's `lastModifiedDateTime` has milliseconds
/// ("2020-08-21T07:38:44.293Z"), Dataverse's `modifiedon` whole seconds ("2016-09-28T23:14:00Z").
public enum ODataTimestamp {
    /// Milliseconds since 1970 of `date`, rounded down.
    public static func milliseconds(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// ISO 8601 UTC with three fractional digits.
    public static func milliseconds(_ ms: Int64) -> String {
        let whole = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let fraction = ms - whole * 1000
        let text = Date(timeIntervalSince1970: TimeInterval(whole)).formatted(Date.ISO8601FormatStyle())
        return String(text.dropLast()) + "." + String(format: "%03d", Int(fraction)) + "Z"
    }

    /// ISO 8601 UTC in whole seconds.
    public static func seconds(_ ms: Int64) -> String {
        let whole = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        return Date(timeIntervalSince1970: TimeInterval(whole)).formatted(Date.ISO8601FormatStyle())
    }

    /// ISO 8601 UTC in whole seconds.
    public static func seconds(_ date: Date) -> String { seconds(milliseconds(of: date)) }

    /// Parses "…THH:MM:SS[.fff…]Z" (or a numeric offset) into milliseconds; digits past the third are dropped.
    public static func parse(_ text: String) -> Int64? {
        var whole = text
        var fraction = "000"
        if let dot = text.firstIndex(of: ".") {
            let rest = text[text.index(after: dot)...]
            let digits = rest.prefix { $0.isNumber }
            guard !digits.isEmpty else { return nil }
            fraction = String((digits + "000").prefix(3))
            whole = String(text[..<dot]) + String(rest.dropFirst(digits.count))
        }
        guard let date = try? Date.ISO8601FormatStyle().parse(whole), let ms = Int64(fraction) else { return nil }
        return Int64(date.timeIntervalSince1970.rounded()) * 1000 + ms
    }
}
