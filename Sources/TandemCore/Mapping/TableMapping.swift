/// Pairs one ERP table with one CRM table: which fields travel, which way, and for which records.
public struct TableMapping: Sendable, Codable, Equatable {
    public var name: String
    public var erpTable: String
    public var crmTable: String
    public var direction: MappingDirection
    public var erpFilter: RecordFilter
    public var crmFilter: RecordFilter
    /// A synchronization never inserts records for uncoupled sources.
    public var onlyCoupled: Bool
    public var updateConflict: UpdateConflictPolicy
    public var deletionConflict: DeletionConflictPolicy
    /// Mappings whose records must be coupled first (CONTACT depends on CUSTOMER).
    public var dependsOn: [String]
    public var fields: [FieldMapping]

    public init(name: String, erpTable: String, crmTable: String, direction: MappingDirection,
                erpFilter: RecordFilter = RecordFilter(), crmFilter: RecordFilter = RecordFilter(),
                onlyCoupled: Bool = true, updateConflict: UpdateConflictPolicy = .none,
                deletionConflict: DeletionConflictPolicy = .none, dependsOn: [String] = [],
                fields: [FieldMapping]) {
        self.name = name
        self.erpTable = erpTable
        self.crmTable = crmTable
        self.direction = direction
        self.erpFilter = erpFilter
        self.crmFilter = crmFilter
        self.onlyCoupled = onlyCoupled
        self.updateConflict = updateConflict
        self.deletionConflict = deletionConflict
        self.dependsOn = dependsOn
        self.fields = fields
    }

    public func table(on side: Side) -> String { side == .erp ? erpTable : crmTable }
    public func filter(on side: Side) -> RecordFilter { side == .erp ? erpFilter : crmFilter }

    /// The enabled field maps a pass in `direction` uses; empty when the mapping itself forbids the pass.
    public func fields(for direction: SyncDirection) -> [FieldMapping] {
        guard self.direction.allows(direction) else { return [] }
        return fields.filter { $0.isEnabled && $0.direction.allows(direction) }
    }

    /// Enabled fields that travel both ways: the only ones that can be in true conflict.
    public var bidirectionalFields: [FieldMapping] {
        guard direction == .bidirectional else { return [] }
        return fields.filter { $0.isEnabled && $0.direction == .bidirectional }
    }

    /// Every enabled field, whatever its direction (the snapshot covers these).
    public var enabledFields: [FieldMapping] { fields.filter(\.isEnabled) }

    /// "Customer ↔ CRM account" style caption for a pass or the whole mapping.
    public func caption(_ direction: SyncDirection?) -> String {
        switch direction {
        case .toCRM: "\(erpTable) → CRM \(crmTable)"
        case .fromCRM: "CRM \(crmTable) → \(erpTable)"
        case nil: "\(erpTable) ↔ CRM \(crmTable)"
        }
    }
}
