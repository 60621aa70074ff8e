import Foundation
import GRDB
import TandemCore
import TandemSQLite

// Tandem's benchmarks: `tandem-bench all` runs each benchmark in its own process (so peak memory is
// that benchmark's own) and prints a table; `tandem-bench sync|match|paging` runs one and prints one
// JSON line. Build in release mode: `swift run -c release tandem-bench all`.

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? "all"
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1])
    else { return fallback }
    return value
}
let records = option("--records", 100_000)
let pagingRecords = option("--paging-records", 1_000_000)

do {
    switch command {
    case "sync": try Benchmarks.sync(records: records).printJSONLine()
    case "match": try Benchmarks.match(records: records).printJSONLine()
    case "paging": try Benchmarks.paging(records: pagingRecords).printJSONLine()
    case "all": try Benchmarks.runAll(records: records, pagingRecords: pagingRecords)
    default:
        FileHandle.standardError.write(Data("usage: tandem-bench [all|sync|match|paging] [--records N] [--paging-records N]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("tandem-bench: \(error)\n".utf8))
    exit(1)
}
