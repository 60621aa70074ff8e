/// The last-synced value of every mapped field, keyed by the ERP field name.
public typealias FieldSnapshot = [String: SnapshotValue]
