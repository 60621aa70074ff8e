import Foundation

/// `tandem-bench postgres URL`: the team issue's comparison, a forced to-CRM synchronization of
/// 100,000 coupled pairs with half the customers changed, run by the built `tandem` binary on a
/// folder workspace and on the PostgreSQL database at URL (which it replaces), alternating round by
/// round, each on a freshly generated workspace. It prints wall time, the client's CPU time and peak
/// memory for each, and PostgreSQL's speed as a fraction of the folder's (the issue asks for ≥ 0.5).
/// The server's own CPU is not in the client's figure; on one machine it competes for the same cores.
enum SharedStoreBenchmark {
    struct Sample {
        var seconds: Double
        var cpuSeconds: Double
        var peakMegabytes: Double
    }

    static func run(url: String, records: Int, rounds: Int, tandem: String) throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("tandem-bench-shared-\(getpid())")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let places = [("folder (SQLite)", folder), ("PostgreSQL", url)]
        var samples: [String: [Sample]] = [:]
        for round in 1...rounds {
            for (name, workspace) in places {
                FileHandle.standardError.write(Data("round \(round): \(name)…\n".utf8))
                try check(MemoryBenchmark.spawn(tandem, ["generate", "--customers", String(records), "--coupled", "1",
                                                         "--changed-erp", "0.5", "--changed-crm", "0", "--conflicts", "0",
                                                         "--force", "--yes", "--workspace", workspace]).status, "generate")
                let run = try MemoryBenchmark.spawn(tandem, ["sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm",
                                                             "--force", "--workspace", workspace])
                try check(run.status, "sync")
                samples[name, default: []].append(Sample(seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakMegabytes: run.peakMegabytes))
            }
        }
        print("| forced to-CRM sync, \(records) pairs, half changed | wall min | wall median | client CPU median | peak MB |")
        print("|---|---:|---:|---:|---:|")
        for (name, _) in places {
            let runs = samples[name] ?? []
            print("| \(name) | \(format(runs.map(\.seconds).min())) s | \(format(median(runs.map(\.seconds)))) s "
                  + "| \(format(median(runs.map(\.cpuSeconds)))) s | \(String(format: "%.0f", runs.map(\.peakMegabytes).max() ?? 0)) |")
        }
        let folderMedian = median((samples[places[0].0] ?? []).map(\.seconds))
        let sharedMedian = median((samples[places[1].0] ?? []).map(\.seconds))
        print("\nPostgreSQL runs at \(String(format: "%.2f", folderMedian / sharedMedian))× the folder's speed (median wall; target ≥ 0.5×).")
    }

    private static func check(_ status: Int32, _ what: String) throws {
        guard status == 0 else { throw BenchmarkError(message: "tandem \(what) exited with status \(status)") }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    private static func format(_ value: Double?) -> String { String(format: "%.1f", value ?? 0) }
}
