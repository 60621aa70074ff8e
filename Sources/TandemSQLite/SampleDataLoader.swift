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
        (.erp, StandardTables.salesperson.name, "erp-salespeople.csv"),
        (.crm, StandardTables.systemUser.name, "crm-systemusers.csv"),
    ]
    public static let couplingsFile = "couplings.csv"

    /// What a load created.
    public struct Summary: Sendable {
        public var records: [String: Int]
        public var couplings: Int
    }

    /// Loads a folder of sample files.
    @discardableResult
    public static func load(from sampleFolder: String, into workspaceFolder: String,
                            clock: any TimeSource = SystemTimeSource()) throws -> (SQLiteWorkspace, Summary) {
        try load(from: .folder(sampleFolder), into: workspaceFolder, clock: clock)
    }

    @discardableResult
    public static func load(from source: SampleSource, into workspaceFolder: String,
                            clock: any TimeSource = SystemTimeSource()) throws -> (SQLiteWorkspace, Summary) {
        var parsed: [(side: Side, table: String, records: [TandemCore.Record])] = []
        for entry in files {
            guard let schema = StandardTables.table(entry.table, on: entry.side) else { continue }
            let name = source.name(of: entry.file)
            guard let bytes = try source.read(entry.file) else {
                throw CSVError(file: name, line: 0, message: tr("the file is missing"))
            }
            parsed.append((entry.side, entry.table, try RecordCSV.records(from: try CSV.parse(bytes, file: name), schema: schema)))
        }
        let couplings = try source.read(couplingsFile).map {
            try CouplingCSV.couplings(from: CSV.parse($0, file: source.name(of: couplingsFile)), mappings: DefaultMappings.all)
        } ?? []

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
