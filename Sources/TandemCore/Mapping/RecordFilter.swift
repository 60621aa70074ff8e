
/// Only records inside a mapping's filter take part in its couplings and synchronizations.
public struct RecordFilter: Sendable, Codable, Equatable {
    public var conditions: [FilterCondition]

    public init(_ conditions: [FilterCondition] = []) { self.conditions = conditions }

    public func admits(_ record: Record) -> Bool { conditions.allSatisfy { $0.holds(for: record) } }

    public var summary: String {
        conditions.isEmpty ? "all records" : conditions.map(\.summary).joined(separator: " and ")
    }
}
