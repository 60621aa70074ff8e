import Foundation
import GRDB
import TandemCore
import TandemSQLite
import TandemViewModel

/// One benchmark's figures.
struct Figures: Codable {
    var name: String
    var records: Int
    var seconds: Double
    var recordsPerSecond: Double?
    var floorSeconds: Double?
    var millisecondsPerPage: Double?
    var worstPageMilliseconds: Double?
    var p99PageMilliseconds: Double?
    var peakMegabytes: Double
    var note: String

    func printJSONLine() throws {
        print(String(decoding: try JSONEncoder().encode(self), as: UTF8.self))
    }
}

enum Benchmarks {
    static let names = ["sync", "match", "paging", "frames"]

    struct Sizes {
        var records: Int
        var pagingRecords: Int
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// The process's peak resident memory (VmHWM), in megabytes.
    static func peakMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }

    /// Generates the workspace a benchmark runs on.
    static func prepare(_ name: String, folder: String, sizes: Sizes) throws {
        var generator: WorkspaceGenerator
        switch name {
        case "sync":
            // Every customer coupled; about half changed in the ERP since the last sync.
            generator = WorkspaceGenerator(customers: sizes.records)
            generator.coupledShare = 1
            generator.erpChangedShare = 0.5
            generator.crmChangedShare = 0
            generator.conflictShare = 0
        case "match":
            // Nothing coupled; every customer has an account with its name and e-mail.
            generator = WorkspaceGenerator(customers: sizes.records)
            generator.coupledShare = 0
        default:
            // paging and frames: one big list.
            generator = WorkspaceGenerator(customers: sizes.pagingRecords)
            generator.withCRM = false
        }
        try generator.generate(into: folder)
    }

    /// Runs the operation on a prepared workspace and reports its figures.
    static func measure(_ name: String, folder: String) throws -> Figures {
        let opened = try SQLiteWorkspace.open(at: folder, access: .writing)
        switch name {
        case "sync": return try sync(opened, folder: folder)
        case "match": return try match(opened)
        case "frames": return try frames(opened)
        default: return try paging(opened)
        }
    }

    /// Synchronize every coupled customer to the CRM; then, as the floor, a plain batched SQL UPDATE
    /// of the same rows and columns through GRDB (one prepared statement, 500 rows a transaction).
    static func sync(_ opened: SQLiteWorkspace, folder: String) throws -> Figures {
        let records = try opened.workspace.store.couplingCount(mapping: DefaultMappings.customerName)
        let start = now()
        let result = try SyncEngine(workspace: opened.workspace)
            .synchronize(SyncRequest(mapping: DefaultMappings.customerName, selection: .allCoupled, choice: .toCRM))
        let seconds = now() - start
        let changes = try opened.workspace.store.recordChanges(result.job.id)
        let pool = try DatabasePool(path: (folder as NSString).appendingPathComponent(SQLiteWorkspace.crmFileName))
        let floorStart = now()
        for batch in changes.chunked(into: 500) {
            try pool.write { db in
                for change in batch {
                    let sql = "UPDATE account SET " + change.fields.map { "\"\($0.name)\" = ?" }.joined(separator: ", ") + " WHERE id = ?"
                    try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(change.fields.map(\.newValue) + [change.recordID.rawValue]))
                }
            }
        }
        let floor = now() - floorStart
        let counters = result.job.counters
        return Figures(name: "sync", records: records, seconds: seconds, recordsPerSecond: Double(records) / seconds,
                       floorSeconds: floor, peakMegabytes: peakMegabytes(),
                       note: "\(counters.modified) modified, \(counters.unchanged) unchanged, \(counters.failed) failed; floor writes \(changes.count) rows")
    }

    /// Match-based coupling of every ERP customer against the CRM accounts, on name + e-mail.
    static func match(_ opened: SQLiteWorkspace) throws -> Figures {
        let records = try opened.table(StandardTables.customer.name, on: .erp).count(search: nil)
        let criteria = MatchCriteria([MatchCriterion(erpField: "Name", crmField: "name", priority: 0),
                                      MatchCriterion(erpField: "E-Mail", crmField: "emailaddress1", priority: 0)])
        let start = now()
        let result = try MatchCoupler(workspace: opened.workspace)
            .match(mapping: DefaultMappings.customerName, options: MatchOptions(criteria: criteria))
        let seconds = now() - start
        return Figures(name: "match", records: records, seconds: seconds, recordsPerSecond: Double(records) / seconds,
                       peakMegabytes: peakMegabytes(), note: "\(result.coupled.count) coupled, \(result.unmatched.count) unmatched")
    }

    /// Pages the customer list from top to bottom, 50 rows a page, sorted by name.
    static func paging(_ opened: SQLiteWorkspace) throws -> Figures {
        let table = try opened.table(StandardTables.customer.name, on: .erp)
        var pageTimes: [Double] = []
        var start = PageStart.first
        var seen = 0
        let total = now()
        while true {
            let pageStart = now()
            let page = try table.page(search: nil, from: start, limit: 50)
            pageTimes.append((now() - pageStart) * 1000)
            guard let last = page.last else { break }
            seen += page.count
            start = .after(ListKey(last, schema: table.schema))
        }
        let seconds = now() - total
        let sorted = pageTimes.sorted()
        return Figures(name: "paging", records: seen, seconds: seconds, millisecondsPerPage: seconds * 1000 / Double(pageTimes.count),
                       worstPageMilliseconds: sorted.last, p99PageMilliseconds: sorted[Int(Double(sorted.count - 1) * 0.99)],
                       peakMegabytes: peakMegabytes(), note: "\(pageTimes.count) pages")
    }

    /// The terminal UI without a terminal over the big list: open it, then page down, End, Home and
    /// back up, timing each key from press to rendered 100×30 frame.
    static func frames(_ opened: SQLiteWorkspace) throws -> Figures {
        let records = try opened.table(StandardTables.customer.name, on: .erp).count(search: nil)
        let start = now()
        let model = ViewModel.immediate(workspace: opened.workspace, size: TandemViewModel.Size(width: 100, height: 30))
        model.send(.start)
        _ = model.frame
        let open = (now() - start) * 1000
        var times: [Double] = []
        let keys: [Key] = Array(repeating: .pageDown, count: 2_000) + [.end, .home] + Array(repeating: .down, count: 500)
            + [.end] + Array(repeating: .pageUp, count: 500)
        for key in keys {
            let pressed = now()
            model.send(.key(key))
            _ = model.frame
            times.append((now() - pressed) * 1000)
        }
        let sorted = times.sorted()
        return Figures(name: "frames", records: records, seconds: times.reduce(0, +) / 1000,
                       millisecondsPerPage: times.reduce(0, +) / Double(times.count),
                       worstPageMilliseconds: sorted.last, p99PageMilliseconds: sorted[Int(Double(sorted.count - 1) * 0.99)],
                       peakMegabytes: peakMegabytes(),
                       note: "\(times.count) keys, each to a rendered 100×30 frame; opening took \(String(format: "%.1f", open)) ms")
    }

    /// Prepares and measures each benchmark in child processes, then prints the table.
    static func runAll(_ names: [String], sizes: Sizes) throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let sizeArguments = ["--records", String(sizes.records), "--paging-records", String(sizes.pagingRecords)]
        func child(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments + sizeArguments
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw BenchmarkError(message: "\(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
            }
            return String(decoding: data, as: UTF8.self)
        }
        var results: [Figures] = []
        for name in names {
            let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("tandem-bench-\(name)-\(getpid())")
            try? FileManager.default.removeItem(atPath: folder)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            FileHandle.standardError.write(Data("preparing \(name)…\n".utf8))
            _ = try child(["prepare", name, folder])
            FileHandle.standardError.write(Data("measuring \(name)…\n".utf8))
            let output = try child(["measure", name, folder])
            guard let line = output.split(separator: "\n").last else { throw BenchmarkError(message: "\(name) printed nothing") }
            results.append(try JSONDecoder().decode(Figures.self, from: Data(line.utf8)))
        }
        printTable(results)
    }

    static func printTable(_ results: [Figures]) {
        func format(_ value: Double?, _ digits: Int = 2) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "—" }
        print("| benchmark | records | time (s) | records/s | floor (s) | × floor | ms/page (avg) | p99 | worst | peak MB | notes |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for figures in results {
            let ratio = figures.floorSeconds.map { figures.seconds / $0 }
            print("| \(figures.name) | \(figures.records) | \(format(figures.seconds)) | \(format(figures.recordsPerSecond, 0)) "
                  + "| \(format(figures.floorSeconds)) | \(format(ratio, 1)) | \(format(figures.millisecondsPerPage, 3)) "
                  + "| \(format(figures.p99PageMilliseconds, 3)) | \(format(figures.worstPageMilliseconds, 3)) "
                  + "| \(format(figures.peakMegabytes, 0)) | \(figures.note) |")
        }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
