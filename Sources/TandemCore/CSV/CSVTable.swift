/// A parsed CSV file: the header and each row with the line it starts on.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var values: [String]
    }

    public var file: String
    public var header: [String]
    public var rows: [Row]
}
