import TandemConnectors

/// One table's pull in `tandem pull --json`.
struct PullReportJSON: Encodable {
    var table: String
    var full: Bool
    var resumed: Bool
    var pages: Int
    var inserted: Int
    var changed: Int
    var unchanged: Int
    var deleted: Int
    /// Why the table was not pulled (the service has no such entity set); absent when it was.
    var notOffered: String?

    init(_ report: PullReport) {
        table = report.table
        full = report.full
        resumed = report.resumed
        pages = report.pages
        inserted = report.changes.inserted
        changed = report.changes.changed
        unchanged = report.changes.unchanged
        deleted = report.changes.deleted
        notOffered = report.notOffered
    }
}
