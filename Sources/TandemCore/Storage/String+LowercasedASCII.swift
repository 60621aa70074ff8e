extension String {
    /// ASCII letters lowered, everything else untouched: SQLite's LIKE, which list searches use.
    var lowercasedASCII: String {
        String(decoding: utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
