/// A mapping's enabled fields with how each compares (a decimal on either side compares as a number),
/// worked out once rather than per record.
public struct MappedFields: Sendable {
    public let fields: [FieldMapping]
    public let kinds: [FieldKind]

    public init(_ mapping: TableMapping, erpSchema: TableSchema, crmSchema: TableSchema) {
        fields = mapping.enabledFields
        kinds = fields.map {
            erpSchema.kind(of: $0.erpField) == .decimal || crmSchema.kind(of: $0.crmField) == .decimal ? .decimal : .text
        }
    }
}
