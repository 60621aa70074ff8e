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
        case .noMatch: tr("no match")
        case .ambiguous(let count): trn("ambiguous: {0} candidate", "ambiguous: {0} candidates", count)
        case .candidateAlreadyCoupled(let ids):
            tr("candidate already coupled ({0})", ids.map(\.rawValue).joined(separator: ", "))
        case .nothingToMatchOn: tr("every match field is empty")
        }
    }
}
