/// One field to match on: compared trimmed, with or without regard to case, in a priority group.
public struct MatchCriterion: Sendable, Equatable, Codable {
    public var erpField: String
    public var crmField: String
    public var caseSensitive: Bool
    /// 0 is tried first.
    public var priority: Int

    public init(erpField: String, crmField: String, caseSensitive: Bool = false, priority: Int = 0) {
        self.erpField = erpField
        self.crmField = crmField
        self.caseSensitive = caseSensitive
        self.priority = priority
    }
}

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
                throw TandemError.invalidCriteria("The \(mapping.name) mapping has no enabled field \"\(entry.name)\" to match on.")
            }
            guard field.lookupMapping == nil else {
                throw TandemError.invalidCriteria("\"\(entry.name)\" is a lookup field and cannot be matched on.")
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

/// Why an ERP record found no CRM record to couple to.
public enum UnmatchedReason: Sendable, Hashable, Codable {
    /// No CRM record has these values.
    case noMatch
    /// Several uncoupled CRM records have them.
    case ambiguous(candidates: Int)
    /// The only records with these values are already coupled.
    case candidateAlreadyCoupled(crmIDs: [RecordID])
    /// Every match field of the record is empty.
    case nothingToMatchOn

    /// No CRM record had the values at all (so creating one adds no duplicate).
    public var meansNothingMatched: Bool {
        switch self {
        case .noMatch, .nothingToMatchOn: true
        case .ambiguous, .candidateAlreadyCoupled: false
        }
    }

    public var message: String {
        switch self {
        case .noMatch: "no match"
        case .ambiguous(let count): "ambiguous: \(count) candidates"
        case .candidateAlreadyCoupled(let ids):
            "candidate already coupled (\(ids.map(\.rawValue).joined(separator: ", ")))"
        case .nothingToMatchOn: "every match field is empty"
        }
    }
}
