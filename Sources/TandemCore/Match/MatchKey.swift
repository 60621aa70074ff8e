/// A record's match key for one set of fields, as a 128-bit hash: each value trimmed (and folded when
/// not case-sensitive), joined by a separator no text contains, hashed twice with independent 64-bit
/// mixes (FNV-1a, and a multiply–rotate mix). Holding the hash instead of the text keeps a million
/// candidates in a few tens of megabytes; two different keys share one only with a probability far
/// below one in 10²⁰ among a million candidates, so the hash stands for the key.
struct MatchKey: Hashable, Comparable {
    var high: UInt64
    var low: UInt64

    /// The key of `record` on `fields`; nil when any of the fields is empty.
    init?(_ record: Record, fields: [(field: String, caseSensitive: Bool)]) {
        var fnv: UInt64 = 0xCBF2_9CE4_8422_2325
        var mix: UInt64 = 0x9E37_79B9_7F4A_7C15
        for (position, (field, caseSensitive)) in fields.enumerated() {
            let value = FieldValue.normalizedText(record[field])
            if value.isEmpty { return nil }
            let text = caseSensitive ? value : FieldValue.caseFolded(value)
            if position > 0 { Self.add(0x1F, &fnv, &mix) }
            for byte in text.utf8 { Self.add(byte, &fnv, &mix) }
        }
        high = fnv
        low = Self.finish(mix)
    }

    private static func add(_ byte: UInt8, _ fnv: inout UInt64, _ mix: inout UInt64) {
        fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        mix = ((mix ^ UInt64(byte)) &* 0xBF58_476D_1CE4_E5B9)
        mix = (mix << 31) | (mix >> 33)
    }

    /// SplitMix64's finaliser: every input bit reaches every output bit.
    private static func finish(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func < (lhs: MatchKey, rhs: MatchKey) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }
}
