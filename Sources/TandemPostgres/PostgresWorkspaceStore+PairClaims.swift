import TandemCore

/// Pairs claimed by the workers of a scheduled synchronization, in `tandem.pair_claims`, whose
/// primary key is the claim: `INSERT … ON CONFLICT DO NOTHING` lets exactly one worker win a pair
/// however many ask at once, with no lock held past the statement. A claim whose holder's lease is
/// gone (its process died, or lost its connection) is deleted first and so can be won again.
extension PostgresWorkspaceStore {
    public func claimPairs(mapping: String, erpIDs: [RecordID], holder: String, isLive: (String) -> Bool) throws -> [RecordID] {
        guard !erpIDs.isEmpty else { return [] }
        let ids = PostgresValue.textArray(erpIDs.map(\.rawValue))
        let others = try session.query("""
            SELECT DISTINCT holder FROM tandem.pair_claims WHERE mapping = ? AND erp_id = ANY(?) AND holder <> ?
            """, [.text(mapping), ids, .text(holder)]).map { try $0.makeRandomAccess().text(0) }
        let gone = others.filter { !isLive($0) }
        if !gone.isEmpty {
            try session.query("DELETE FROM tandem.pair_claims WHERE holder = ANY(?)", [.textArray(gone)])
        }
        let won = Set(try session.query("""
            INSERT INTO tandem.pair_claims (mapping, erp_id, holder) SELECT ?, id, ? FROM unnest(?::text[]) AS id
            ON CONFLICT (mapping, erp_id) DO UPDATE SET holder = excluded.holder WHERE tandem.pair_claims.holder = excluded.holder
            RETURNING erp_id
            """, [.text(mapping), .text(holder), ids]).map { try $0.makeRandomAccess().text(0) })
        return erpIDs.filter { won.contains($0.rawValue) }
    }

    public func releasePairs(holder: String) throws {
        try session.query("DELETE FROM tandem.pair_claims WHERE holder = ?", [.text(holder)])
    }
}
