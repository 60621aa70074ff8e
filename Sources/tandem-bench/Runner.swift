import Foundation

/// Runs each benchmark in child processes — one to generate the workspace, then per round one to
/// measure the operation and one to measure its floor, each on a fresh copy of that workspace — so
/// the peak memory printed is each run's own and the two alternate under the same machine load.
struct Runner {
    let sizes: Benchmarks.Sizes
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()

    /// One row of the table: the operation's runs and its floor's.
    struct Row {
        var name: String
        var runs: [Figures]
        var floors: [Figures]
        /// For `modified`: one pass over every pair of the same workspace.
        var everyPair: Figures?
    }

    private func child(_ arguments: [String]) throws -> Figures? {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--records", String(sizes.records), "--paging-records", String(sizes.pagingRecords)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError(message: "\(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
        }
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last else { return nil }
        return try JSONDecoder().decode(Figures.self, from: Data(line.utf8))
    }

    private func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    private func copy(_ source: String, to target: String) throws {
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.copyItem(atPath: source, toPath: target)
    }

    func run(_ names: [String]) throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("tandem-bench-\(getpid())")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        var rows: [Row] = []
        var listsPrepared = false
        let lists = (base as NSString).appendingPathComponent("lists")
        for name in names {
            let prepared = Benchmarks.lists.contains(name) ? lists : (base as NSString).appendingPathComponent(name)
            if !Benchmarks.lists.contains(name) || !listsPrepared {
                say("preparing \(name)…")
                _ = try child(["prepare", name, prepared])
                listsPrepared = listsPrepared || Benchmarks.lists.contains(name)
            }
            let work = (base as NSString).appendingPathComponent("work")
            var row = Row(name: name, runs: [], floors: [])
            let rounds = Benchmarks.withFloor.contains(name) ? sizes.rounds : 1
            // The big lists are only read: measured where they were prepared, not copied each round.
            let fresh = { () throws -> String in
                if Benchmarks.lists.contains(name) { return prepared }
                try copy(prepared, to: work)
                return work
            }
            for round in 1...rounds {
                say("\(name): round \(round) of \(rounds)")
                if let figures = try child(["measure", name, try fresh()]) { row.runs.append(figures) }
                guard Benchmarks.withFloor.contains(name) else { continue }
                if let figures = try child(["floor", name, try fresh()]) { row.floors.append(figures) }
                if name == "modified" && round == 1 {
                    try copy(prepared, to: work)
                    row.everyPair = try child(["measure", "modified-all", work])
                }
            }
            rows.append(row)
        }
        print(Self.table(rows, sizes: sizes))
    }

    static func table(_ rows: [Row], sizes: Benchmarks.Sizes) -> String {
        func format(_ value: Double?, _ digits: Int = 2) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "—" }
        func median(_ values: [Double]) -> Double? {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return nil }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        var lines = [
            "| benchmark | records | rounds | Tandem min / median (s) | floor min / median (s) | × floor (median) | × floor (min) "
                + "| CPU s Tandem / floor (median) | × floor CPU | peak MB Tandem / floor | notes |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        for row in rows {
            let times = row.runs.map(\.seconds), floors = row.floors.map(\.seconds)
            let ratio = median(times).flatMap { time in median(floors).map { time / $0 } }
            let minimumRatio = times.min().flatMap { time in floors.min().map { time / $0 } }
            let cpu = median(row.runs.map(\.cpuSeconds)), floorCPU = median(row.floors.map(\.cpuSeconds))
            let cpuRatio = cpu.flatMap { time in floorCPU.map { time / $0 } }
            var notes = row.runs.last?.note ?? ""
            if let floor = row.floors.last { notes += "; floor: \(floor.note)" }
            if let everyPair = row.everyPair {
                notes += "; floor = the same pairs named by id; --all on this workspace: \(format(everyPair.seconds)) s (\(everyPair.note))"
            }
            if let perPage = row.runs.last?.millisecondsPerPage {
                notes += "; ms/key or page avg \(format(perPage, 3)), p99 \(format(row.runs.last?.p99PageMilliseconds, 3)), "
                    + "worst \(format(row.runs.last?.worstPageMilliseconds, 3))"
            }
            lines.append("| \(row.name) | \(row.runs.last?.records ?? 0) | \(row.runs.count) "
                         + "| \(format(times.min(), 3)) / \(format(median(times), 3)) | \(format(floors.min(), 3)) / \(format(median(floors), 3)) "
                         + "| \(format(ratio)) | \(format(minimumRatio)) | \(format(cpu)) / \(format(floorCPU)) | \(format(cpuRatio)) "
                         + "| \(format(row.runs.map(\.peakMegabytes).max(), 0)) / \(format(row.floors.map(\.peakMegabytes).max(), 0)) "
                         + "| \(notes) |")
        }
        return lines.joined(separator: "\n")
    }
}
