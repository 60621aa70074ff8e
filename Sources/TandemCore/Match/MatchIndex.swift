/// A hash index over the CRM candidates for one priority group and one set of non-empty fields:
/// key → the uncoupled candidates and the coupled ones. Built once, probed once per ERP record.
struct MatchIndex {
    struct Bucket {
        var uncoupled: [RecordID] = []
        var coupled: [RecordID] = []
    }

    private(set) var buckets: [String: Bucket] = [:]

    /// The lookup key of a record: each criterion's value trimmed (and lowered when not case-sensitive),
    /// joined by a separator no text contains. nil when any of the fields is empty.
    static func key(_ record: Record, fields: [(field: String, caseSensitive: Bool)]) -> String? {
        var parts: [String] = []
        parts.reserveCapacity(fields.count)
        for (field, caseSensitive) in fields {
            let value = FieldValue.normalizedText(record[field])
            if value.isEmpty { return nil }
            parts.append(caseSensitive ? value : FieldValue.caseFolded(value))
        }
        return parts.joined(separator: "\u{1F}")
    }

    init(candidates: [Record], fields: [(field: String, caseSensitive: Bool)], coupled: Set<RecordID>) {
        buckets.reserveCapacity(candidates.count)
        for candidate in candidates {
            guard let key = Self.key(candidate, fields: fields) else { continue }
            if coupled.contains(candidate.id) {
                buckets[key, default: Bucket()].coupled.append(candidate.id)
            } else {
                buckets[key, default: Bucket()].uncoupled.append(candidate.id)
            }
        }
    }

    func bucket(for key: String) -> Bucket? { buckets[key] }

    /// Moves a candidate to the coupled side once an ERP record took it.
    mutating func markCoupled(_ id: RecordID, key: String) {
        guard var bucket = buckets[key], let index = bucket.uncoupled.firstIndex(of: id) else { return }
        bucket.uncoupled.remove(at: index)
        bucket.coupled.append(id)
        buckets[key] = bucket
    }
}
