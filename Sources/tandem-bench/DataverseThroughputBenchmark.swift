import Foundation
import TandemEmulator

/// `tandem-bench dataverse`: the connectors issue's throttled benchmark. The built `tandem` binary
/// creates N customers' accounts in the Dataverse emulator (`sync --all` of the CUSTOMER mapping with
/// uncoupled records included), while the emulator enforces the three service-protection limits and
/// keeps its server busy a set time per operation. It prints records per minute beside the most the
/// limits allow in a run that long, and the ratio (the issue aims for ≥ 80 %).
///
/// The service documents its limits per 300 s window (6,000 requests, 1,200 s of execution time); here
/// the window is scaled down with both limits, so a run of minutes meets the limits in their steady
/// state rather than inside one window's first allowance. The cost of an operation on a real server is
/// not documented; it is a parameter, and the ratio, not the rate, is what carries over.
enum DataverseThroughputBenchmark {
    struct Settings {
        var records: Int
        var secondsPerOperation: Double
        var window: Double
        var degreeOfParallelismHint: Int
    }

    /// Change sets Tandem sends per `$batch` (DataverseTable.changeSetsPerBatch).
    private static let operationsPerRequest = 100.0

    static func run(_ settings: Settings, tandem: String) throws {
        guard settings.secondsPerOperation > 0, settings.window > 0, settings.records > 0 else {
            throw BenchmarkError(message: "--operation-ms, --window and --records must be above 0")
        }
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("tandem-bench-dataverse-\(getpid())")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scale = settings.window / 300
        let emulator = DataverseEmulator(requestLimit: max(1, Int(6_000 * scale)), requestWindow: settings.window,
                                         executionTimeLimit: 1_200 * scale, secondsPerOperation: settings.secondsPerOperation,
                                         degreeOfParallelismHint: settings.degreeOfParallelismHint)
        try emulator.start()
        defer { emulator.stop() }
        let token = "bench-" + UUID().uuidString
        emulator.acceptToken(token)
        setenv("TANDEM_CRM_TOKEN", token, 1)
        let workspace = ["--workspace", folder]
        let csv = folder + ".csv"
        defer { try? FileManager.default.removeItem(atPath: csv) }
        try customersCSV(settings.records).write(toFile: csv, atomically: true, encoding: .utf8)
        try step(tandem, ["init", "--empty", "--yes"] + workspace, "init")
        try step(tandem, ["import", "erp", "Customer", csv] + workspace, "import")
        try step(tandem, ["connect", "crm", "dataverse", emulator.baseURL.absoluteString] + workspace, "connect")
        try step(tandem, ["mapping", "CUSTOMER", "--only-coupled", "false"] + workspace, "mapping")
        FileHandle.standardError.write(Data("creating \(settings.records) accounts in the emulator…\n".utf8))
        let errors = folder + ".stderr"
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let run = try MemoryBenchmark.spawn(tandem, ["sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm"] + workspace,
                                            errors: errors)
        guard run.status == 0 else {
            let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw BenchmarkError(message: "tandem sync exited with status \(run.status):\n\(said.suffix(2_000))")
        }
        let created = emulator.accounts().count
        guard created == settings.records else {
            throw BenchmarkError(message: "the emulator holds \(created) accounts, not \(settings.records)")
        }
        report(settings, seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakMegabytes: run.peakMegabytes, log: emulator.requestLog)
        // The service lets a request in while the time spent is under the limit and counts it when it
        // ends, so requests in flight can take a window past its budget, as the documentation allows
        // ("can be exceeded before they take effect"); the emulator also counts its own handling.
        let budget = 1_200 * scale * (run.seconds / settings.window + 1)
        print("The emulator counted \(Int(emulator.executionSecondsCharged)) s of execution, "
              + "\(String(format: "%.0f", emulator.executionSecondsCharged / budget * 100)) % of the budget of the windows the run touched.")
        let flight = emulator.requestsInFlight
        print("Requests in flight from the first to the last: \(String(format: "%.2f", flight.meanInFlight)) on average "
              + "(the hint is \(settings.degreeOfParallelismHint)); none for \(String(format: "%.1f", flight.secondsIdle)) s "
              + "of \(String(format: "%.1f", flight.seconds)) s, while Tandem worked on its own.")
    }

    private static func report(_ settings: Settings, seconds: Double, cpuSeconds: Double, peakMegabytes: Double, log: [RequestLogEntry]) {
        let scale = settings.window / 300
        // In any window the user may spend the execution limit (and finish the request that crosses
        // it), so a run of `seconds` holds at most this many windows' worth of operations.
        let windows = seconds / settings.window + 1
        let byExecutionTime = 1_200 * scale / settings.secondsPerOperation * windows
        let byRequests = 6_000 * scale * operationsPerRequest * windows
        let most = min(byExecutionTime, byRequests)
        let perMinute = Double(settings.records) / seconds * 60
        let mostPerMinute = most / seconds * 60
        let batches = log.filter { $0.path.hasSuffix("/$batch") }
        print("| \(settings.records) accounts created | wall | tandem CPU | records/min | most the limits allow | ratio | 429s | peak MB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        print("| \(Int(settings.secondsPerOperation * 1_000)) ms per operation, window \(Int(settings.window)) s, hint \(settings.degreeOfParallelismHint) "
              + "| \(String(format: "%.1f", seconds)) s | \(String(format: "%.1f", cpuSeconds)) s | \(Int(perMinute)) | \(Int(mostPerMinute)) "
              + "| \(String(format: "%.0f", perMinute / mostPerMinute * 100)) % | \(batches.filter { $0.status == 429 }.count) "
              + "| \(String(format: "%.0f", peakMegabytes)) |")
        print("\nThe bound is the execution time (\(Int(1_200 * scale)) s per \(Int(settings.window)) s window at "
              + "\(settings.secondsPerOperation * 1_000) ms an operation)"
              + (byRequests < byExecutionTime ? ", no: the request count binds first." : "; the request count would allow \(Int(byRequests / seconds * 60))/min.")
              + " \(batches.count) batches were sent, \(log.count) requests in all.")
    }

    private static func step(_ tandem: String, _ arguments: [String], _ what: String) throws {
        let status = try MemoryBenchmark.spawn(tandem, arguments).status
        guard status == 0 else { throw BenchmarkError(message: "tandem \(what) exited with status \(status)") }
    }

    /// N customers as a CSV `tandem import` reads, in the currencies the emulator's organization has.
    private static func customersCSV(_ count: Int) -> String {
        let currencies = ["", "USD", "GBP", "DKK"]
        var text = "No.,Name,Address,Post Code,City,Phone No.,E-Mail,Currency Code,Credit Limit\n"
        text.reserveCapacity(count * 110)
        for index in 1...max(1, count) {
            let number = String(format: "B%07d", index)
            text += "\(number),Customer \(index),Street \(index % 997),\(1000 + index % 9000),City \(index % 311),"
                + "+32 2 \(100_000 + index % 900_000),c\(index)@example.com,\(currencies[index % 4]),\(index % 50 * 1_000)\n"
        }
        return text
    }
}
