import GRDB
import TandemCore

/// Pairs claimed by the workers of a scheduled synchronization, in `pair_claims`: SQLite lets one
/// writer in at a time, so reading a chunk's claims and writing the new ones in one write
/// transaction is a claim no other process can also win.
extension SQLiteWorkspaceStore {
    public func claimPairs(mapping: String, erpIDs: [RecordID], holder: String, isLive: (String) -> Bool) throws -> [RecordID] {
        var liveness: [String: Bool] = [holder: false]
        var claimed: [RecordID] = []
        for chunk in erpIDs.chunked(into: 500) {
            claimed += try pool.write { db in
                let marks = databaseQuestionMarks(count: chunk.count)
                var holders: [String: String] = [:]
                let rows = try Row.fetchAll(db, sql: "SELECT erp_id, holder FROM pair_claims WHERE mapping = ? AND erp_id IN (\(marks))",
                                            arguments: StatementArguments([mapping] + chunk.map(\.rawValue)))
                for row in rows {
                    let stored = StoredRow(row, path: pool.path, table: "pair_claims")
                    holders[try stored.text(0)] = try stored.text(1)
                }
                let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO pair_claims (mapping, erp_id, holder) VALUES (?, ?, ?)")
                return try chunk.filter { id in
                    if let current = holders[id.rawValue] {
                        let live = liveness[current] ?? isLive(current)
                        liveness[current] = live
                        if live { return false }
                    }
                    try insert.execute(arguments: [mapping, id.rawValue, holder])
                    return true
                }
            }
        }
        return claimed
    }

    public func releasePairs(holder: String) throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM pair_claims WHERE holder = ?", arguments: [holder]) }
    }
}
