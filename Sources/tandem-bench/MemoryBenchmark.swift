import Foundation

/// `tandem-bench memory`: the peak memory of the `tandem` commands that walk a whole table, each run as
/// a child process of the built binary on one generated workspace, read from `wait4`'s resource usage
/// (ru_maxrss, the child's own peak resident set). Output goes to /dev/null, as a script's would to a
/// file. The commands that change the workspace run last, in the order a person would: sync, undo it,
/// then match what is left uncoupled.
enum MemoryBenchmark {
    struct Run {
        var name: String
        var command: String
        var seconds: Double
        var peakMegabytes: Double
        var status: Int32
    }

    static func run(records: Int, tandem: String) throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("tandem-bench-memory-\(getpid())")
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = folder + ".csv"
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let workspace = ["--workspace", folder]
        var runs: [Run] = []
        func measure(_ name: String, _ arguments: [String]) throws {
            FileHandle.standardError.write(Data("\(name)…\n".utf8))
            let (seconds, _, peak, status) = try spawn(tandem, arguments + workspace)
            guard status == 0 || status == 1 else {
                throw BenchmarkError(message: "tandem \(arguments.joined(separator: " ")) exited with status \(status)")
            }
            let command = arguments.map { $0 == csv ? "FILE.csv" : $0 }.joined(separator: " ")
            runs.append(Run(name: name, command: command, seconds: seconds, peakMegabytes: peak, status: status))
        }
        try measure("generate", ["generate", "--customers", String(records)])
        try measure("preview", ["sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm", "--preview"])
        try measure("preview --json", ["sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm", "--preview", "--json"])
        try measure("list", ["list", "customers", "--limit", "100000000"])
        try measure("list --json", ["list", "customers", "--limit", "100000000", "--json"])
        try measure("export", ["export", "erp", "Customer", csv])
        try measure("sync", ["sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm"])
        let job = try lastJob(tandem, workspace)
        try measure("undo", ["undo", String(job)])
        try measure("match", ["match", "--on", "Name,E-Mail"])
        print("| run | command | records | time (s) | peak MB | exit |")
        print("|---|---|---:|---:|---:|---:|")
        for run in runs {
            print("| \(run.name) | `tandem \(run.command)` | \(records) | \(String(format: "%.1f", run.seconds)) "
                  + "| \(String(format: "%.0f", run.peakMegabytes)) | \(run.status) |")
        }
    }

    /// Runs the binary with output to /dev/null and returns its time, its own CPU time (user and
    /// system) and its own peak memory.
    /// Runs `path` with `arguments` (standard error into `errors`, else nowhere) and measures it.
    static func spawn(_ path: String, _ arguments: [String], errors: String = "/dev/null")
        throws -> (seconds: Double, cpuSeconds: Double, peakMegabytes: Double, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([path] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let start = Figures.now()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv + [nil], environ)
        guard spawned == 0 else { throw BenchmarkError(message: "cannot run \(path): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw BenchmarkError(message: "lost the child \(pid)") }
        let seconds = Figures.now() - start
        // WIFEXITED / WEXITSTATUS, which Swift does not import: a signal counts as status 128 + signal.
        let exit = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        func cpu(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return (seconds, cpu(usage.ru_utime) + cpu(usage.ru_stime), Double(usage.ru_maxrss) / 1024, exit)
    }

    /// The newest job's id, from `tandem jobs --limit 1 --json`.
    static func lastJob(_ tandem: String, _ workspace: [String]) throws -> Int64 {
        struct Job: Decodable { var id: Int64 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tandem)
        process.arguments = ["jobs", "--limit", "1", "--json"] + workspace
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let job = try JSONDecoder().decode([Job].self, from: data).first else {
            throw BenchmarkError(message: "the sync left no job")
        }
        return job.id
    }
}
