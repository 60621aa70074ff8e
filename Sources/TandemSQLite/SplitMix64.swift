import Foundation
import TandemCore

/// A small, fast, seedable random number generator (SplitMix64), so generated data is the same
/// on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A version-4 UUID made from the generator.
    mutating func uuid() -> String {
        let high = next(), low = next()
        let hex = String(format: "%016llx%016llx", high, low)
        let chars = Array(hex)
        let variant = "89ab"[("89ab".index("89ab".startIndex, offsetBy: Int(low % 4)))]
        return "\(String(chars[0..<8]))-\(String(chars[8..<12]))-4\(String(chars[13..<16]))-\(variant)\(String(chars[17..<20]))-\(String(chars[20..<32]))"
    }
}
