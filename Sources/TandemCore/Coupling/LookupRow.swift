/// A row of the CRM lookup list: a record and the ERP record it is coupled to, if any.
public struct LookupRow: Sendable, Equatable {
    public var record: Record
    public var coupledERPID: RecordID?
}
