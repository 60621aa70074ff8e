/// The fields match-based coupling compares, grouped by priority.
public struct MatchCriteria: Sendable, Equatable {
    public var criteria: [MatchCriterion]

    public init(_ criteria: [MatchCriterion]) { self.criteria = criteria }

    /// The mapping's own match settings (`matchOn`, `caseSensitive`, `matchPriority`).
    public init(defaultsOf mapping: TableMapping) {
        criteria = mapping.enabledFields.filter(\.matchOn).map {
            MatchCriterion(erpField: $0.erpField, crmField: $0.crmField, caseSensitive: $0.caseSensitive,
                           priority: $0.matchPriority)
        }
    }

    /// Criteria from field names: ERP or CRM field names of `mapping`, each with its flags.
    public init(mapping: TableMapping, fields: [(name: String, caseSensitive: Bool, priority: Int)]) throws {
        criteria = try fields.map { entry in
            guard let field = mapping.enabledFields.first(where: {
                $0.erpField.caseInsensitiveCompare(entry.name) == .orderedSame
                    || $0.crmField.caseInsensitiveCompare(entry.name) == .orderedSame
            }) else {
                throw TandemError.invalidCriteria(tr("The {0} mapping has no enabled field \"{1}\" to match on.", mapping.name, entry.name))
            }
            guard field.lookupMapping == nil else {
                throw TandemError.invalidCriteria(tr("\"{0}\" is a lookup field and cannot be matched on.", entry.name))
            }
            return MatchCriterion(erpField: field.erpField, crmField: field.crmField,
                                  caseSensitive: entry.caseSensitive, priority: entry.priority)
        }
    }

    /// The criteria grouped by priority, highest (0) first.
    public var groups: [[MatchCriterion]] {
        Dictionary(grouping: criteria, by: \.priority).sorted { $0.key < $1.key }.map(\.value)
    }
}
