/// What kind of work a job did.
public enum JobType: String, Sendable, Codable, CaseIterable {
    case synchronization
    case coupling
    case uncoupling
    case matchCoupling = "match-coupling"
    case undo
}
