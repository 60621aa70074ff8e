/// One table kept as the replica of a remote service: the records themselves (read through `records`,
/// as an embedded side's are), each record's remote id and ETag, and the table's pull state.
/// Everything a pull brings — rows, deletions and the cursor — is stored in one transaction, so a
/// pull cut off at any point resumes where the stored state says and skips nothing. A folder keeps it
/// in the side's SQLite file, a shared workspace in its PostgreSQL schema.
public protocol RecordReplica: Sendable {
    /// The replica's records, as every reader (lists, cards, matching, planning) sees them.
    var records: any RecordSource { get }

    /// The remote id and ETag of each of these records that came from the service.
    func links(ids: [RecordID]) throws -> [RecordID: ReplicaLink]

    /// Stores one pulled page in one transaction: new records are added (their id is the remote id),
    /// changed ones take the service's values and a new version, unchanged ones keep theirs, deleted
    /// ones go; `state` (when given) is saved with them. `fields` names the columns the service carries.
    @discardableResult
    func store(page rows: [PulledRow], fields: [String], deletedRemoteIDs: [String], state: PullState?) throws -> ReplicaChanges

    /// After writes the service accepted, in one transaction: each record as the service now holds it
    /// replaces the replica's, if the replica still holds the version its write was sent from. Returns
    /// each record's new version, in order, or nil where a pull already brought a later one.
    func storeWritten(_ written: [WrittenRecord], fields: [String]) throws -> [Timestamp?]

    /// Removes a record the service deleted (or no longer has).
    func remove(id: RecordID) throws

    /// Deletes every record whose remote id the service no longer has, and saves `state`, in one
    /// transaction. Only records the replica last wrote before `scanStarted` are candidates: one
    /// created meanwhile was not there to be listed. Returns how many were deleted.
    func sweep(keeping remoteIDs: Set<String>, scanStarted: Timestamp, state: PullState) throws -> Int

    /// The table's pull state (a fresh one when nothing was pulled yet).
    func pullState() throws -> PullState

    /// Saves the table's pull state on its own (request counts after a push).
    func savePullState(_ state: PullState) throws

    /// How many records of the table did not come from a service (the embedded side's own records).
    func localOnlyCount() throws -> Int
}

extension RecordReplica {
    /// Stores one pulled page with no deletions.
    @discardableResult
    public func store(page rows: [PulledRow], fields: [String], state: PullState?) throws -> ReplicaChanges {
        try store(page: rows, fields: fields, deletedRemoteIDs: [], state: state)
    }
}
