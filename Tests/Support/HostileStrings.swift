/// Text that tries to act on a terminal, reorder what is shown, break JSON or CSV, or exhaust a layout:
/// a corpus any test can feed through a path that shows, stores or encodes record text. Swift strings
/// cannot hold lone surrogates or invalid UTF-8, so those are not here; everything else a record could
/// carry is.
public enum HostileStrings {
    /// Every C0 control (U+0000–U+001F) between letters.
    public static let c0: [String] = (0x00...0x1F).map { "c0<\(scalar($0))>end" }

    /// DEL and every C1 control (U+0080–U+009F), the 8-bit CSI U+009B among them.
    public static let delAndC1: [String] = ["del<\u{7F}>end"] + (0x80...0x9F).map { "c1<\(scalar($0))>end" }

    /// Escape sequences a terminal acts on: titles, the clipboard, colours, cursor moves, device strings.
    public static let escapeSequences: [String] = [
        "\u{1B}]0;pwned title\u{07}", "\u{1B}]2;pwned window\u{07}", "\u{1B}]0;title with ST\u{1B}\\",
        "\u{1B}]52;c;cm0gLXJmIH4=\u{07}", "\u{1B}]52;p;c2VjcmV0\u{1B}\\", "\u{1B}]8;;https://evil.example\u{07}click\u{1B}]8;;\u{07}",
        "\u{1B}]1337;File=inline=1:AAAA\u{07}", "\u{1B}[31mred\u{1B}[0m", "\u{1B}[1;5;7mblink\u{1B}[m", "\u{1B}[2J\u{1B}[H",
        "\u{1B}[3J", "\u{1B}[10;10H", "\u{1B}[A\u{1B}[2K overwritten line", "\u{1B}[6n", "\u{1B}[?1049h", "\u{1B}[?25l",
        "\u{1B}[?1000h mouse", "\u{1B}[20t", "\u{1B}[8m hidden", "\u{1B}[38;2;255;0;0m truecolor",
        "\u{1B}P+q544e\u{1B}\\", "\u{1B}P$q\"p\u{1B}\\", "\u{1B}_APC payload\u{1B}\\", "\u{1B}^PM payload\u{1B}\\",
        "\u{1B}Xstring\u{1B}\\", "\u{1B}c reset", "\u{1B}7save\u{1B}8restore", "\u{1B}(0lqk\u{1B}(B", "\u{1B}#8",
        "\u{9B}31m 8-bit CSI", "\u{9B}2J", "\u{9D}0;8-bit OSC\u{9C}", "\u{90}8-bit DCS\u{9C}",
        "a\rb overwrite", "bell\u{07}\u{07}\u{07}", "back\u{08}\u{08}\u{08}space", "tab\there", "line\nbreak", "crlf\r\nline",
        "form\u{0C}feed", "vertical\u{0B}tab", "shift\u{0E}out\u{0F}in", "\u{1B}", "\u{1B}\u{1B}\u{1B}[",
    ]

    /// Each bidi control (embeddings, overrides, isolates, marks, the Arabic letter mark), in text.
    public static let bidi: [String] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
        .map { "invoice\(scalar($0))fdp.exe" }
        + ["\u{202E}gnp.exe", "user\u{2067}\u{202E}nimda\u{2069}", "\u{2066}\u{2067}\u{2068}nested\u{2069}\u{2069}\u{2069}"]

    /// Characters that take no room: zero-width spaces and joiners, the word joiner, BOM, soft hyphen.
    public static let invisible: [String] = [
        "zero\u{200B}width", "non\u{200C}joiner", "joiner\u{200D}here", "word\u{2060}joiner", "bom\u{FEFF}inside",
        "soft\u{00AD}hyphen", "\u{200B}\u{200B}\u{200B}", "\u{FEFF}", "hangul\u{3164}filler", "line\u{2028}separator",
        "para\u{2029}separator", "mongolian\u{180E}vowel",
    ]

    /// Text a layout has to measure: combining floods, very long lines, right-to-left scripts, emoji sequences.
    public static let layout: [String] = [
        "Z" + String(repeating: "\u{0336}\u{0334}\u{0337}", count: 60), "e" + String(repeating: "\u{0301}", count: 500),
        String(repeating: "a\u{0300}\u{0316}", count: 40), String(repeating: "x", count: 10_000),
        String(repeating: "長い名前", count: 1_000), String(repeating: "\u{1B}[31m", count: 500),
        "مرحبا بالعالم", "שלום עולם", "abc مرحبا def", "\u{202B}مرحبا\u{202C} end",
        "👨‍👩‍👧‍👦 family", "🏳️‍🌈 flag", "👩🏽‍💻 coder", "🇩🇪🇫🇷 flags", "🧑‍🤝‍🧑",
    ]

    /// Text that breaks careless formatting, JSON and CSV.
    public static let syntax: [String] = [
        "%n%n%n%n", "%s%s%s%s", "%x %p %@", "{0} {1} ${HOME} $(rm -rf /)", "\\(interpolation)", "%1$s %99999$s",
        "\"", "\\", "\\\"", "\"}, {\"injected\": true, \"x\": \"", "\\u0000", "\\u001b[31m", "\u{0}", "before\u{0}after",
        "\u{0}\u{0}\u{0}", "}{][", "a,b,c", "\"quoted\",\"csv\"", "\"\"", "trailing,", ",leading", "line1\nline2,\"x\"",
        "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1-1", "-2+3", "  padded  ", "", "NULL", "null", "<script>alert(1)</script>",
        "'; DROP TABLE Customer; --", "../../../etc/passwd",
    ]

    /// The whole corpus.
    public static let all: [String] = c0 + delAndC1 + escapeSequences + bidi + invisible + layout + syntax

    /// The corpus without NUL, for paths that refuse NUL (import, `tandem set`, command-line arguments).
    public static let withoutNUL: [String] = all.filter { !$0.utf8.contains(0) }

    /// The longest prefix of `text`, in whole characters, of at most `maxLength` UTF-16 code units.
    public static func prefix(_ text: String, maxLength: Int) -> String {
        var length = 0
        var result = ""
        for character in text {
            length += character.utf16.count
            if length > maxLength { break }
            result.append(character)
        }
        return result
    }

    /// What in `bytes` a terminal would act on: C0 controls other than line feed and tab, ESC, DEL, C1
    /// controls, bidi controls, or bytes that are not UTF-8. Empty when the output is inert.
    public static func terminalHazards(in bytes: [UInt8]) -> [String] {
        guard let text = String(validating: bytes, as: UTF8.self) else { return ["the bytes are not UTF-8"] }
        var found: [String] = []
        for scalar in text.unicodeScalars where isHazard(scalar) {
            found.append("U+" + String(scalar.value, radix: 16, uppercase: true))
            if found.count == 10 { break }
        }
        return found
    }

    /// C0 except line feed and tab, DEL, C1, and the bidi controls.
    public static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    private static func scalar(_ value: Int) -> String {
        Unicode.Scalar(UInt32(value)).map { String(Character($0)) } ?? ""
    }
}
