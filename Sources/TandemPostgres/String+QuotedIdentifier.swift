extension String {
    /// The text as a PostgreSQL identifier in double quotes (`"No."`), quotes doubled.
    var quotedIdentifier: String { "\"" + replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
