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

    /// The refusal in words, in the current language.
    public var description: String {
        switch self {
        case .unknownMapping(let name): tr("There is no mapping called \"{0}\".", name)
        case .unknownTable(let side, let name): tr("The {0} has no table \"{1}\".", side.displayName, name)
        case .recordNotFound(let reference): tr("No record {0} exists.", reference)
        case .crmRecordNameNotFound(let name): tr("No CRM record is named \"{0}\" or starts with it.", name)
        case .ambiguousName(let name, let count):
            tr("{0} CRM records match \"{1}\"; pick one from the lookup list or give its id.", Format.integer(count), name)
        case .outsideFilter(let record, let filter):
            tr("{0} is outside the mapping's filter ({1}).", record, filter)
        case .alreadyCoupled(let crmRecord, let erpRecord):
            tr("{0} is already coupled to {1}.", crmRecord, erpRecord)
        case .notCoupled: tr("The record is not coupled.")
        case .companyNotCoupled: tr("The contact's company is not coupled to a CRM account.")
        case .directionNotAllowed(let mapping, let direction):
            tr("The {0} mapping does not synchronize {1}.", mapping, direction)
        case .jobNotFound(let id): tr("There is no job {0}.", id)
        case .jobAlreadyUndone(let id, let undo): tr("Job {0} was already undone by job {1}.", id, undo)
        case .jobNotUndoable(let id, let type): tr("Job {0} is a {1} job; only synchronizations can be undone.", id, type.rawValue)
        case .invalidCriteria(let message): message
        case .refused(let reason): reason.message
        }
    }
}
