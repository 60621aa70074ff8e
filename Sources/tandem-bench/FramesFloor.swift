import Foundation
import TandemSQLite

/// The floor of opening the screens: the same reads the Customers page needs before both panes can
/// show rows, straight against SQLite's C API. The first page of customers and of accounts in list
/// order (every column read as text), then the couplings of those rows, looked up from each side.
/// Opening the files and warming them with a count are done first, untimed, as the operation's
/// child does before its clock starts.
enum FramesFloor {
    /// Rows asked for per load on a 100×30 screen: three screens of 25 rows, as the list asks.
    static let pageRows = 75

    static func run(folder: String) throws -> Figures {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let workspace = try RawDatabase(path: path(SQLiteWorkspace.workspaceFileName))
        let erp = try RawDatabase(path: path(SQLiteWorkspace.erpFileName))
        let crm = try RawDatabase(path: path(SQLiteWorkspace.crmFileName))
        let count = try erp.prepare("SELECT COUNT(*) FROM Customer")
        _ = try count.step()
        let records = Int(count.int64(0))

        // The bytes of text read, printed so the reads cannot be optimised away.
        var textBytes = 0
        let start = Figures.now(), startCPU = Figures.cpuSeconds()
        let erpIDs = try firstPage(of: "Customer", in: erp, textBytes: &textBytes)
        let crmIDs = try firstPage(of: "account", in: crm, textBytes: &textBytes)
        let couplings = try coupled(erpIDs, column: "erp_id", in: workspace, textBytes: &textBytes)
            + coupled(crmIDs, column: "crm_id", in: workspace, textBytes: &textBytes)
        let seconds = Figures.now() - start, cpuSeconds = Figures.cpuSeconds() - startCPU
        return Figures(name: "frames floor", records: records, seconds: seconds, cpuSeconds: cpuSeconds, peakMegabytes: Figures.peakMegabytes(),
                       note: "\(erpIDs.count) + \(crmIDs.count) rows, \(couplings) couplings, \(textBytes) bytes of text")
    }

    /// The ids of the first page of `table` in list order, every column of each row read as text.
    private static func firstPage(of table: String, in database: RawDatabase, textBytes: inout Int) throws -> [String] {
        let page = try database.prepare("SELECT * FROM \"\(table)\" ORDER BY sort_key, id LIMIT \(pageRows)")
        var ids: [String] = []
        while try page.step() {
            ids.append(page.text(0))
            for column in 1..<page.columnCount { textBytes += page.text(column).utf8.count }
        }
        return ids
    }

    /// How many of `ids` are coupled, every column of each coupling row read as text.
    private static func coupled(_ ids: [String], column: String, in workspace: RawDatabase, textBytes: inout Int) throws -> Int {
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        // The CRM side's lookup names the unique index on (mapping, crm_id), as Tandem's does: left to
        // itself, SQLite plans it as a search on the primary key's `mapping` prefix.
        let index = column == "crm_id" ? " INDEXED BY sqlite_autoindex_couplings_2" : ""
        let statement = try workspace.prepare("SELECT * FROM couplings\(index) WHERE mapping = 'CUSTOMER' AND \(column) IN (\(marks))")
        for (index, id) in ids.enumerated() { statement.bind(Int32(index + 1), id) }
        var rows = 0
        while try statement.step() {
            rows += 1
            for column in 0..<statement.columnCount { textBytes += statement.text(column).utf8.count }
        }
        return rows
    }
}
