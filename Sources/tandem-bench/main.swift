import Foundation

// Tandem's benchmarks. `tandem-bench all` (or `sync`, `match`, `paging`) prepares each benchmark's
// workspace in one child process and measures the operation in another, so the peak memory printed
// is the operation's own, not the data generator's; it prints a Markdown table.
// `tandem-bench memory` runs the built `tandem` binary's whole-table commands on a generated workspace
// (1,000,000 customers unless --records) and prints each one's peak memory.
// Build in release mode: `swift run -c release tandem-bench all`.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1])
    else { return fallback }
    return value
}
let sizes = Benchmarks.Sizes(records: option("--records", 100_000), pagingRecords: option("--paging-records", 1_000_000))

do {
    switch arguments.first ?? "all" {
    case "prepare" where arguments.count >= 3:
        try Benchmarks.prepare(arguments[1], folder: arguments[2], sizes: sizes)
    case "measure" where arguments.count >= 3:
        try Benchmarks.measure(arguments[1], folder: arguments[2]).printJSONLine()
    case "memory":
        let sibling = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("tandem").path
        let index = arguments.firstIndex(of: "--tandem")
        let tandem = index.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } ?? sibling
        try MemoryBenchmark.run(records: option("--records", 1_000_000), tandem: tandem)
    case "all":
        try Benchmarks.runAll(Benchmarks.names, sizes: sizes)
    case let name where Benchmarks.names.contains(name):
        try Benchmarks.runAll([name], sizes: sizes)
    default:
        FileHandle.standardError.write(Data(("usage: tandem-bench [all|sync|match|paging|frames] [--records N] [--paging-records N]\n"
                                           + "       tandem-bench memory [--records N] [--tandem PATH]\n").utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("tandem-bench: \(error)\n".utf8))
    exit(1)
}
