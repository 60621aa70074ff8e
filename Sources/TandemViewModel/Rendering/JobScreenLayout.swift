/// How the job log and a job's errors share the screen: the job log keeps six rows under its list
/// for the cursor job's details; a job's errors take two rows each below the job's summary.
enum JobScreenLayout {
    /// Rows of the job log's details (a rule and five lines).
    static let detailRows = 6

    /// Jobs listed at once.
    static func jobsShown(_ size: Size) -> Int { max(1, size.height - 4 - detailRows) }

    /// Errors shown at once (two rows each, under the title, the job's summary and a header).
    static func errorsShown(_ size: Size) -> Int { max(1, (size.height - 6) / 2) }
}
