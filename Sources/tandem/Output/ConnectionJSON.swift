import TandemSQLite

/// One side in `tandem connections --json`: where it lives and how its tables' pulls stand.
struct ConnectionJSON: Encodable {
    struct TableJSON: Encodable {
        var table: String
        var lastPullAt: String?
        var cursor: String?
        /// A pull was cut off and resumes at its next page.
        var pullInProgress: Bool
        var recordsPulled: Int
        var requests: Int
        var secondsWaited: Double
    }

    var side: String
    /// "embedded", "business-central" or "dataverse".
    var kind: String
    var url: String?
    var company: String?
    var connectedAt: String?
    var tables: [TableJSON]
}
