/// Applies one batch's writes to one side in one transaction and sorts the per-record results back to
/// the plans they came from. A refused write (changed by someone else, gone, a duplicate) fails its
/// own plan only; when the side itself fails, every write of the batch fails with that error and the
/// job goes on with the next batch.
enum SideWrites {
    struct Outcome {
        /// Each written record's version after the write.
        var stamps: [RecordID: Timestamp] = [:]
        /// Plan index → why its write was refused.
        var refusals: [Int: RecordFailure] = [:]
    }

    static func apply(_ writes: [(index: Int, write: RecordWrite)], to table: any RecordSource, on side: Side) -> Outcome {
        var outcome = Outcome()
        guard !writes.isEmpty else { return outcome }
        let results: [WriteResult]
        do {
            results = try table.apply(writes.map(\.write))
        } catch {
            for (index, _) in writes { outcome.refusals[index] = .storage(error: error) }
            return outcome
        }
        for ((index, write), result) in zip(writes, results) {
            switch result {
            case .written(let version): outcome.stamps[write.id] = version
            case .refused(let error): outcome.refusals[index] = RecordFailure(error, side: side)
            }
        }
        return outcome
    }
}
