/// Errors any side reports the same way.
public enum RecordSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(table: String, id: RecordID)
    /// The record's version is not the one the write was planned from: someone else wrote it since.
    case changedElsewhere(table: String, id: RecordID)
    case duplicateID(table: String, id: RecordID)
    case duplicateNumber(table: String, number: String)
    case unknownField(table: String, field: String)
    case noNumberSeries(table: String)
    /// A remote service refused the write for this record alone, with its own message (a validation
    /// error, a value it does not accept).
    case rejected(table: String, id: RecordID, message: String)

    public var description: String {
        switch self {
        case .notFound(let table, let id): tr("{0} {1} does not exist.", table, id)
        case .changedElsewhere(let table, let id): tr("{0} {1} was changed by someone else since it was read.", table, id)
        case .duplicateID(let table, let id): tr("{0} {1} already exists.", table, id)
        case .duplicateNumber(let table, let number): tr("{0} No. {1} already exists.", table, number)
        case .unknownField(let table, let field): tr("{0} has no field \"{1}\".", table, field)
        case .noNumberSeries(let table): tr("{0} has no number series.", table)
        case .rejected(let table, let id, let message): tr("The service refused {0} {1}: {2}", table, id, message)
        }
    }
}
