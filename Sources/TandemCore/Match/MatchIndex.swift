/// A hash index over the CRM candidates for one priority group and one set of non-empty fields:
/// key → the uncoupled candidates and the coupled ones. Built once, probed once per ERP record.
struct MatchIndex {
    struct Bucket {
        var uncoupled: [RecordID] = []
        var coupled: [RecordID] = []
    }

    private(set) var buckets: [String: Bucket] = [:]

    /// The lookup key of a record: each criterion's value trimmed (and lowered when not case-sensitive),
    /// joined by a separator no text contains. nil when any of the fields is empty. ASCII values are
    /// trimmed and folded byte by byte into one buffer; only other text goes through `FieldValue`.
    static func key(_ record: Record, fields: [(field: String, caseSensitive: Bool)]) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for (position, (field, caseSensitive)) in fields.enumerated() {
            if position > 0 { bytes.append(0x1F) }
            let value = record[field]
            guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
                let text = FieldValue.normalizedText(value)
                if text.isEmpty { return nil }
                bytes.append(contentsOf: (caseSensitive ? text : FieldValue.caseFolded(text)).utf8)
                continue
            }
            let start = bytes.count
            for byte in value.utf8 { bytes.append(!caseSensitive && byte >= 65 && byte <= 90 ? byte + 32 : byte) }
            // Trim ASCII white space (what `FieldValue.normalizedText` trims in ASCII text).
            var end = bytes.count, first = start
            while end > first, isSpace(bytes[end - 1]) { end -= 1 }
            while first < end, isSpace(bytes[first]) { first += 1 }
            if first == end { return nil }
            bytes.removeSubrange(end...)
            if first > start { bytes.removeSubrange(start..<first) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

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

    /// Moves a candidate to the coupled side once an ERP record took it (in place: no bucket copy).
    mutating func markCoupled(_ id: RecordID, key: String) {
        guard let index = buckets[key]?.uncoupled.firstIndex(of: id) else { return }
        buckets[key]?.uncoupled.remove(at: index)
        buckets[key]?.coupled.append(id)
    }
}
