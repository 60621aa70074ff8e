/// The fields of a record to create on one side from its counterpart on the other: every enabled field
/// the pass toward that side carries, with constants applied and lookups translated.
public enum RecordBlueprint {
    public enum Failure: Error, Equatable {
        /// The mapping never carries data toward `side`.
        case directionNotAllowed(SyncDirection)
        /// A lookup value has no coupled counterpart (field name on the source side).
        case untranslatableLookup(field: String, value: String)
        /// A lookup value is coupled, but to a record that no longer exists: the new record would point
        /// at nothing.
        case lookupCounterpartDeleted(field: String, value: String)

        /// The failure as a record's reason.
        public func reason(in mapping: TableMapping) -> RecordFailure {
            switch self {
            case .directionNotAllowed(let direction): .directionNotAllowed(mapping: mapping.name, direction: direction.rawValue)
            case .untranslatableLookup(let field, let value): .lookupNotCoupled(field: field, value: value)
            case .lookupCounterpartDeleted(let field, let value): .lookupCounterpartDeleted(field: field, value: value)
            }
        }
    }

    public static func fields(for mapping: TableMapping, from source: Record, sourceSide: Side,
                              translator: LookupTranslator) -> Result<[String: String], Failure> {
        let direction = SyncDirection.from(sourceSide)
        let fields = mapping.fields(for: direction)
        guard !fields.isEmpty else { return .failure(.directionNotAllowed(direction)) }
        var result: [String: String] = [:]
        for field in fields {
            let sourceValue = source[field.field(on: sourceSide)]
            let destination = field.field(on: sourceSide.other)
            if let lookup = field.lookupMapping {
                guard let translated = translator.translate(sourceValue, lookup: lookup, from: sourceSide) else {
                    let name = field.field(on: sourceSide)
                    return .failure(translator.isCoupledToDeletedRecord(sourceValue, lookup: lookup, from: sourceSide)
                                    ? .lookupCounterpartDeleted(field: name, value: sourceValue)
                                    : .untranslatableLookup(field: name, value: sourceValue))
                }
                result[destination] = translated
            } else {
                result[destination] = field.constant ?? field.value(sourceValue, from: sourceSide)
            }
        }
        return .success(result)
    }

    /// The snapshot a freshly created pair starts with: each carried field's value on both sides.
    public static func snapshot(for mapping: TableMapping, source: Record, sourceSide: Side,
                                created: [String: String]) -> FieldSnapshot {
        var snapshot: FieldSnapshot = [:]
        for field in mapping.fields(for: SyncDirection.from(sourceSide)) {
            let here = source[field.field(on: sourceSide)], there = created[field.field(on: sourceSide.other)] ?? ""
            snapshot[field.erpField] = sourceSide == .erp ? SnapshotValue(erp: here, crm: there)
                                                          : SnapshotValue(erp: there, crm: here)
        }
        return snapshot
    }
}
