/// Errors any side reports the same way.
public enum RecordSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(table: String, id: RecordID)
    /// The record's version is not the one the write was planned from: someone else wrote it since.
    case changedElsewhere(table: String, id: RecordID)
    case duplicateID(table: String, id: RecordID)
    case duplicateNumber(table: String, number: String)
    case unknownField(table: String, field: String)
    case noNumberSeries(table: String)

    public var description: String {
        switch self {
        case .notFound(let table, let id): "\(table) \(id) does not exist."
        case .changedElsewhere(let table, let id): "\(table) \(id) was changed by someone else since it was read."
        case .duplicateID(let table, let id): "\(table) \(id) already exists."
        case .duplicateNumber(let table, let number): "\(table) No. \(number) already exists."
        case .unknownField(let table, let field): "\(table) has no field \"\(field)\"."
        case .noNumberSeries(let table): "\(table) has no number series."
        }
    }
}
