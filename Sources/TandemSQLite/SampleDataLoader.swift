import Foundation
import TandemCore

/// Creates a workspace from a folder of CSV files (`sample-data/`): one file per table plus the
/// couplings already made. Every file is validated before the workspace is created; if anything is
/// wrong, nothing is created.
public enum SampleDataLoader {
    /// The file each table is read from.
    public static let files: [(side: Side, table: String, file: String)] = [
        (.erp, StandardTables.customer.name, "erp-customers.csv"),
        (.erp, StandardTables.erpContact.name, "erp-contacts.csv"),
        (.crm, StandardTables.account.name, "crm-accounts.csv"),
        (.crm, StandardTables.crmContact.name, "crm-contacts.csv"),
    ]
    public static let couplingsFile = "couplings.csv"

    /// What a load created.
    public struct Summary: Sendable {
        public var records: [String: Int]
        public var couplings: Int
    }

    @discardableResult
    public static func load(from sampleFolder: String, into workspaceFolder: String,
                            clock: any TimeSource = SystemTimeSource()) throws -> (SQLiteWorkspace, Summary) {
        func path(_ file: String) -> String { (sampleFolder as NSString).appendingPathComponent(file) }
        var parsed: [(side: Side, table: String, records: [TandemCore.Record])] = []
        for entry in files {
            guard let schema = StandardTables.table(entry.table, on: entry.side) else { continue }
            let csv = try CSV.parse(try RecordImporter.read(path(entry.file)), file: path(entry.file))
            parsed.append((entry.side, entry.table, try RecordCSV.records(from: csv, schema: schema)))
        }
        let couplingsPath = path(couplingsFile)
        let couplings = FileManager.default.fileExists(atPath: couplingsPath)
            ? try CouplingCSV.couplings(from: CSV.parse(try RecordImporter.read(couplingsPath), file: couplingsPath),
                                        mappings: DefaultMappings.all)
            : []

        let created = try SQLiteWorkspace.create(at: workspaceFolder, clock: clock)
        do {
            for entry in parsed { try created.table(entry.table, on: entry.side).insertVerbatim(entry.records) }
            var changes = WorkspaceChanges()
            changes.couplings = couplings.map { .claim($0) }
            if let refusal = try created.workspace.store.commit(changes).values.first { throw TandemError.refused(refusal) }
        } catch {
            try? SQLiteWorkspace.remove(at: workspaceFolder)
            throw error
        }
        let counts = Dictionary(parsed.map { ("\($0.side.rawValue).\($0.table)", $0.records.count) }, uniquingKeysWith: +)
        return (created, Summary(records: counts, couplings: couplings.count))
    }
}
