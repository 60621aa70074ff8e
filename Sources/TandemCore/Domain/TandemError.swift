/// Every refusal Tandem reports to a person, with the message it shows.
public enum TandemError: Error, Equatable, CustomStringConvertible {
    case unknownMapping(String)
    case unknownTable(Side, String)
    case recordNotFound(String)
    case crmRecordNameNotFound(String)
    case ambiguousName(String, count: Int)
    case outsideFilter(record: String, filter: String)
    case alreadyCoupled(crmRecord: String, erpRecord: String)
    case notCoupled(String)
    case companyNotCoupled(contact: String)
    case directionNotAllowed(mapping: String, direction: String)
    case jobNotFound(JobID)
    case jobAlreadyUndone(JobID, by: JobID)
    case jobNotUndoable(JobID, type: JobType)
    case invalidCriteria(String)
    /// The workspace refused the change for this reason (another job got there first).
    case refused(RecordFailure)

    public var description: String {
        switch self {
        case .unknownMapping(let name): "There is no mapping called \"\(name)\"."
        case .unknownTable(let side, let name): "The \(side.displayName) has no table \"\(name)\"."
        case .recordNotFound(let reference): "No record \(reference) exists."
        case .crmRecordNameNotFound(let name): "No CRM record is named \"\(name)\" or starts with it."
        case .ambiguousName(let name, let count):
            "\(count) CRM records match \"\(name)\"; pick one from the lookup list or give its id."
        case .outsideFilter(let record, let filter):
            "\(record) is outside the mapping's filter (\(filter))."
        case .alreadyCoupled(let crmRecord, let erpRecord):
            "\(crmRecord) is already coupled to \(erpRecord)."
        case .notCoupled: "The record is not coupled."
        case .companyNotCoupled: "The contact's company is not coupled to a CRM account."
        case .directionNotAllowed(let mapping, let direction):
            "The \(mapping) mapping does not synchronize \(direction)."
        case .jobNotFound(let id): "There is no job \(id)."
        case .jobAlreadyUndone(let id, let undo): "Job \(id) was already undone by job \(undo)."
        case .jobNotUndoable(let id, let type): "Job \(id) is a \(type.rawValue) job; only synchronizations can be undone."
        case .invalidCriteria(let message): message
        case .refused(let reason): reason.message
        }
    }
}
