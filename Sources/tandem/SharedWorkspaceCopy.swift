import TandemCore
import TandemPostgres
import TandemSQLite

/// Fills a PostgreSQL workspace from a folder workspace built for it (`init`, `generate` on a
/// `postgres://` address): mappings, every record of every table with its id and version, and every
/// coupling with its sync state, in one transaction (`PostgresWorkspace.replace`).
enum SharedWorkspaceCopy {
    static func replace(_ address: PostgresAddress, with source: SQLiteWorkspace) throws {
        try PostgresWorkspace.replace(address) { target in
            let mappings = try source.workspace.store.mappings()
            for mapping in mappings { try target.workspace.store.save(mapping) }
            for side in Side.allCases {
                for (name, into) in side == .erp ? target.erpTables : target.crmTables {
                    let from = try source.workspace.table(name, on: side)
                    var after: RecordID?
                    while case let records = try from.scan(after: after, limit: 5_000, fields: nil), let last = records.last {
                        try into.insertVerbatim(records)
                        after = last.id
                    }
                }
            }
            for mapping in mappings {
                var after: RecordID?
                while case let couplings = try source.workspace.store.couplings(mapping: mapping.name, after: after, limit: 5_000),
                      let last = couplings.last {
                    var changes = WorkspaceChanges()
                    changes.couplings = couplings.map { .claim($0) }
                    try target.workspace.store.commit(changes)
                    after = last.erpID
                }
            }
        }
    }
}
