import Foundation

// Tandem's benchmarks. `tandem-bench all` (or `sync`, `match`, `paging`, `frames`) prepares each
// benchmark's workspace in one child process, then measures the operation and its raw-SQLite floor in
// alternating child processes, round after round, each on a fresh copy (the big lists of `paging` and
// `frames`, which are only read, are not copied); it prints a Markdown table.
// `tandem-bench memory` runs the built `tandem` binary's whole-table commands on a generated workspace
// (1,000,000 customers unless --records) and prints each one's peak memory. `tandem-bench postgres URL`
// compares a forced synchronization on a folder and on the PostgreSQL database at URL (replacing it).
// `tandem-bench dataverse` creates N accounts through the Dataverse emulator under its service-protection
// limits and compares records per minute with the most those limits allow.
// Build in release mode: `swift build -c release --product tandem-bench`.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1])
    else { return fallback }
    return value
}
/// The `tandem` binary to run: --tandem PATH, else the one built beside this benchmark.
func siblingTandem() -> String {
    let sibling = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("tandem").path
    let index = arguments.firstIndex(of: "--tandem")
    return index.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } ?? sibling
}
let sizes = Benchmarks.Sizes(records: option("--records", 100_000), pagingRecords: option("--paging-records", 1_000_000),
                             rounds: max(1, option("--rounds", 5)))

do {
    switch arguments.first ?? "all" {
    case "prepare" where arguments.count >= 3:
        try Benchmarks.prepare(arguments[1], folder: arguments[2], sizes: sizes)
    case "measure" where arguments.count >= 3:
        try Benchmarks.measure(arguments[1], folder: arguments[2]).printJSONLine()
    case "memory":
        try MemoryBenchmark.run(records: option("--records", 1_000_000), tandem: siblingTandem())
    case "postgres" where arguments.count >= 2:
        try SharedStoreBenchmark.run(url: arguments[1], records: option("--records", 100_000), rounds: max(1, option("--rounds", 3)),
                                     tandem: siblingTandem())
    case "dataverse":
        let settings = DataverseThroughputBenchmark.Settings(
            records: option("--records", 100_000), secondsPerOperation: Double(option("--operation-ms", 5)) / 1_000,
            window: Double(option("--window", 6)), degreeOfParallelismHint: option("--dop-hint", 4))
        try DataverseThroughputBenchmark.run(settings, tandem: siblingTandem())
    case "floor" where arguments.count >= 3 && Benchmarks.withFloor.contains(arguments[1]):
        try Benchmarks.floor(arguments[1], folder: arguments[2]).printJSONLine()
    case "all":
        try Runner(sizes: sizes).run(Benchmarks.names)
    case let name where Benchmarks.names.contains(name):
        // One or more names, then the options.
        try Runner(sizes: sizes).run(Array(arguments.prefix { Benchmarks.names.contains($0) }))
    default:
        FileHandle.standardError.write(Data("""
            usage: tandem-bench [all | \(Benchmarks.names.joined(separator: " "))…] [--records N] [--paging-records N] [--rounds N]
                   tandem-bench memory [--records N] [--tandem PATH]
                   tandem-bench postgres postgres://USER@HOST:PORT/DATABASE [--records N] [--rounds N] [--tandem PATH]
                   tandem-bench dataverse [--records N] [--operation-ms MS] [--window SECONDS] [--dop-hint N] [--tandem PATH]

            """.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("tandem-bench: \(error)\n".utf8))
    exit(1)
}
