import TandemCore

/// How long the connected services made a run wait, in words: "12 s for Dataverse" (and more, joined,
/// when both sides are connected); nil when no service made it wait a second.
enum WaitedSummary {
    static func text(_ waited: [String: Double]) -> String? {
        let parts = waited.filter { $0.value >= 0.5 }.sorted { $0.key < $1.key }.map { service, seconds in
            tr("{0} s for {1}", Format.integer(Int(seconds.rounded())), service)
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
