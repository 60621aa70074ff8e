/// A mapping's enabled fields with how each compares (a decimal on either side compares as a number)
/// and which of them a blank never overwrites, worked out once rather than per record.
public struct MappedFields: Sendable {
    public let fields: [FieldMapping]
    public let kinds: [FieldKind]
    /// Per field: the ERP field, or the CRM field, is one its system never leaves blank.
    public let erpNeverBlank: [Bool]
    public let crmNeverBlank: [Bool]

    public init(_ mapping: TableMapping, erpSchema: TableSchema, crmSchema: TableSchema) {
        fields = mapping.enabledFields
        kinds = fields.map {
            erpSchema.kind(of: $0.erpField) == .decimal || crmSchema.kind(of: $0.crmField) == .decimal ? .decimal : .text
        }
        erpNeverBlank = fields.map { erpSchema.field(named: $0.erpField)?.neverBlank ?? false }
        crmNeverBlank = fields.map { crmSchema.field(named: $0.crmField)?.neverBlank ?? false }
    }
}
