/// When the locale the environment names cannot be had, whether the terminal may fall back to
/// C.UTF-8: only when the name asked for UTF-8 (`es_ES.UTF-8` on a machine where it is not
/// generated). A locale that is not UTF-8 at all (`C`, `en_US.ISO-8859-1`) is refused as before, since
/// the terminal itself may not be UTF-8. The language stays the one the name asked for.
enum LocaleFallback {
    /// The locale name that decides the character set: `LC_ALL`, else `LC_CTYPE`, else `LANG`.
    static func characterLocale(_ environment: [String: String]) -> String? {
        ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }

    static func mayFallBack(_ environment: [String: String]) -> Bool {
        guard let name = characterLocale(environment)?.lowercased() else { return false }
        return name.contains("utf-8") || name.contains("utf8")
    }

    static func isUTF8(_ codeset: String) -> Bool { codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" }
}
