/// The organization-wide row version every table's writes take the next of (Dataverse's
/// `versionnumber`; the documentation's examples are around 468,000). Guarded by the emulator's lock.
final class DataverseRowVersions {
    private(set) var current: Int64 = 468_000

    /// Hands out the next version.
    func next() -> Int64 {
        current += 1
        return current
    }
}
