/// Applies groups of writes to one side in one transaction; when that fails, retries group by group so
/// one bad record fails alone and every other record still lands (each group stays all-or-nothing).
enum WriteIsolation {
    struct Outcome {
        var stamps: [RecordID: Timestamp] = [:]
        /// Group index → error message.
        var failures: [Int: String] = [:]
    }

    static func apply(_ groups: [(index: Int, writes: [RecordWrite])], to table: any RecordSource) -> Outcome {
        var outcome = Outcome()
        let all = groups.flatMap(\.writes)
        guard !all.isEmpty else { return outcome }
        if let stamps = try? table.apply(all) {
            outcome.stamps = stamps
            return outcome
        }
        for group in groups where !group.writes.isEmpty {
            do {
                outcome.stamps.merge(try table.apply(group.writes)) { $1 }
            } catch {
                outcome.failures[group.index] = String(describing: error)
            }
        }
        return outcome
    }
}
