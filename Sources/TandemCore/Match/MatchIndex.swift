/// A hash index over the CRM candidates for one priority group and one set of non-empty fields: one
/// sorted array of (key, id, coupled) entries — about 40 bytes a candidate, no allocation per entry —
/// probed by binary search. Built once from a paged scan, probed once per ERP record.
struct MatchIndex {
    struct Entry {
        var key: MatchKey
        var id: CompactID
        var coupled: Bool
    }

    /// What one key finds: the uncoupled candidates and the coupled ones.
    struct Bucket {
        var uncoupled: [RecordID] = []
        var coupled: [RecordID] = []
    }

    private var entries: [Entry]

    /// Reads `table` a page at a time (only `fields` and the filter's fields), keeping the candidates
    /// the filter admits; `coupled(ids)` tells which of a page's records are coupled already.
    init(table: any RecordSource, filter: RecordFilter, fields: [(field: String, caseSensitive: Bool)],
         coupled: ([RecordID]) throws -> Set<RecordID>) throws {
        let read = Array(Set(fields.map(\.field) + filter.conditions.map(\.field)))
        var entries: [Entry] = []
        var after: RecordID?
        while true {
            let page = try table.scan(after: after, limit: 5000, fields: read)
            guard let last = page.last else { break }
            let taken = try coupled(page.map(\.id))
            for record in page where filter.admits(record) {
                guard let key = MatchKey(record, fields: fields), let id = CompactID(record.id) else { continue }
                entries.append(Entry(key: key, id: id, coupled: taken.contains(record.id)))
            }
            after = last.id
        }
        entries.sort { $0.key < $1.key }
        self.entries = entries
    }

    /// The candidates with `key`, minus those `taken` since the index was built (now coupled).
    func bucket(for key: MatchKey, taken: Set<CompactID>) -> Bucket? {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        guard low < entries.count, entries[low].key == key else { return nil }
        var bucket = Bucket()
        while low < entries.count, entries[low].key == key {
            let entry = entries[low]
            if entry.coupled || taken.contains(entry.id) {
                bucket.coupled.append(entry.id.recordID)
            } else {
                bucket.uncoupled.append(entry.id.recordID)
            }
            low += 1
        }
        return bucket
    }
}
