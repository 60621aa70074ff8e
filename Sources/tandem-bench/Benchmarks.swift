import Foundation
import GRDB
import TandemCore
import TandemSQLite

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
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// The process's peak resident memory (VmHWM), in megabytes.
    static func peakMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }

    static func scratch(_ name: String) -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("tandem-bench-\(name)-\(getpid())")
        try? FileManager.default.removeItem(atPath: path)
        return path
    }

    /// Synchronize every coupled customer to the CRM, about half of them with differing fields; then,
    /// as the floor, a plain batched SQL UPDATE of the same rows and columns through GRDB.
    static func sync(records: Int) throws -> Figures {
        let folder = scratch("sync")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var generator = WorkspaceGenerator(customers: records)
        generator.coupledShare = 1
        generator.erpChangedShare = 0.5
        generator.crmChangedShare = 0
        generator.conflictShare = 0
        let (opened, _) = try generator.generate(into: folder)

        let start = now()
        let result = try SyncEngine(workspace: opened.workspace)
            .synchronize(SyncRequest(mapping: DefaultMappings.customerName, selection: .allCoupled, choice: .toCRM))
        let seconds = now() - start

        // The floor: the same rows and columns, written again with one prepared UPDATE per record,
        // 500 records per transaction, and nothing else.
        let changes = try opened.workspace.store.recordChanges(result.job.id)
        let pool = try DatabasePool(path: (folder as NSString).appendingPathComponent(SQLiteWorkspace.crmFileName))
        let floorStart = now()
        for batch in changes.chunked(into: 500) {
            try pool.write { db in
                for change in batch {
                    let columns = change.fields.map(\.name)
                    let sql = "UPDATE account SET " + columns.map { "\"\($0)\" = ?" }.joined(separator: ", ") + " WHERE id = ?"
                    try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(change.fields.map(\.newValue) + [change.recordID.rawValue]))
                }
            }
        }
        let floor = now() - floorStart
        let counters = result.job.counters
        return Figures(name: "sync", records: records, seconds: seconds, recordsPerSecond: Double(records) / seconds,
                       floorSeconds: floor, peakMegabytes: peakMegabytes(),
                       note: "\(counters.modified) modified, \(counters.unchanged) unchanged, \(counters.failed) failed; floor updates \(changes.count) rows")
    }

    /// Match-based coupling of every ERP customer against as many CRM accounts, on name + e-mail.
    static func match(records: Int) throws -> Figures {
        let folder = scratch("match")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var generator = WorkspaceGenerator(customers: records)
        generator.coupledShare = 0
        let (opened, _) = try generator.generate(into: folder)
        let criteria = MatchCriteria([MatchCriterion(erpField: "Name", crmField: "name", priority: 0),
                                      MatchCriterion(erpField: "E-Mail", crmField: "emailaddress1", priority: 0)])
        let start = now()
        let result = try MatchCoupler(workspace: opened.workspace)
            .match(mapping: DefaultMappings.customerName, options: MatchOptions(criteria: criteria))
        let seconds = now() - start
        return Figures(name: "match", records: records, seconds: seconds, recordsPerSecond: Double(records) / seconds,
                       peakMegabytes: peakMegabytes(),
                       note: "\(result.coupled.count) coupled, \(result.unmatched.count) unmatched")
    }

    /// Pages a list of `records` customers from top to bottom, 50 rows a page, sorted by name.
    static func paging(records: Int) throws -> Figures {
        let folder = scratch("paging")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var generator = WorkspaceGenerator(customers: records)
        generator.withCRM = false
        let (opened, _) = try generator.generate(into: folder)
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
            start = .after(ListKey(name: table.schema.name(of: last), id: last.id))
        }
        let seconds = now() - total
        let sorted = pageTimes.sorted()
        return Figures(name: "paging", records: seen, seconds: seconds, millisecondsPerPage: seconds * 1000 / Double(pageTimes.count),
                       worstPageMilliseconds: sorted.last, p99PageMilliseconds: sorted[Int(Double(sorted.count - 1) * 0.99)],
                       peakMegabytes: peakMegabytes(), note: "\(pageTimes.count) pages")
    }

    /// Runs each benchmark in a child process and prints the table.
    static func runAll(records: Int, pagingRecords: Int) throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var results: [Figures] = []
        for name in ["sync", "match", "paging"] {
            FileHandle.standardError.write(Data("running \(name)…\n".utf8))
            let process = Process()
            process.executableURL = executable
            process.arguments = [name, "--records", String(records), "--paging-records", String(pagingRecords)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let line = String(data: data, encoding: .utf8)?.split(separator: "\n").last
            else { throw BenchmarkError(message: "\(name) failed with status \(process.terminationStatus)") }
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
