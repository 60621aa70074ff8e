import TandemCore

/// A line of text typed on the mappings screen: a filter (conditions `Field=Value` joined by `;`) or
/// a field's constant. Enter saves it if it reads; an error stays in the prompt until it does.
public struct MappingPrompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case filter(Side)
        /// The constant of the field mapping at this index ("" removes it).
        case constant(field: Int)
    }

    public var purpose: Purpose
    public var text: String
    public var error: String?

    public init(purpose: Purpose, text: String) {
        self.purpose = purpose
        self.text = text
    }

    /// The text a filter is edited from: its conditions as typed (`Blocked=;statecode=Active`).
    public static func text(of filter: RecordFilter) -> String {
        filter.conditions.map { condition in
            switch condition.test {
            case .isBlank: "\(condition.field)="
            case .isNotBlank: "\(condition.field)!="
            case .equals(let value): "\(condition.field)=\(value)"
            case .notEquals(let value): "\(condition.field)!=\(value)"
            }
        }.joined(separator: ";")
    }

    /// The mapping with the typed text applied, or why it does not read.
    public func apply(to mapping: TableMapping, schema: TableSchema) -> Result<TableMapping, MappingPromptError> {
        var mapping = mapping
        switch purpose {
        case .constant(let index):
            guard mapping.fields.indices.contains(index) else { return .failure(MappingPromptError(tr("No such field."))) }
            mapping.fields[index].constant = text.isEmpty ? nil : text
        case .filter(let side):
            var conditions: [FilterCondition] = []
            for part in text.split(separator: ";").map(String.init) where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let condition = FilterCondition(parsing: part) else {
                    return .failure(MappingPromptError(tr("\"{0}\" is not a condition like Field=Value.", part)))
                }
                guard schema.field(named: condition.field) != nil else {
                    return .failure(MappingPromptError(tr("{0} has no field \"{1}\".", Captions.table(schema), condition.field)))
                }
                conditions.append(condition)
            }
            if side == .erp { mapping.erpFilter = RecordFilter(conditions) } else { mapping.crmFilter = RecordFilter(conditions) }
        }
        return .success(mapping)
    }
}
