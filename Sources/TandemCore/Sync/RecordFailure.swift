import Foundation

/// Why one record failed or was refused, as data: a code and its arguments. Plans, job errors, a
/// coupling's last error and record outcomes carry this; the words are made from it where they are
/// shown (`message`), so a stored reason reads the same in any language and two failures compare by
/// reason, not by wording. Stored as JSON (`encoded`); text from an older workspace reads as `.legacy`.
public enum RecordFailure: Sendable, Equatable, Hashable, Codable {
    /// The coupled record on `side` no longer exists.
    case coupledRecordDeleted(side: Side, id: RecordID)
    /// Restoring the record on `side` needs a direction the mapping does not synchronize.
    case cannotRestore(side: Side, mapping: String, direction: String)
    /// A lookup field's value refers to a record that is not coupled.
    case lookupNotCoupled(field: String, value: String)
    /// A lookup value is coupled to a record that no longer exists (a contact's company coupled to a
    /// deleted account): nothing is created pointing at it.
    case lookupCounterpartDeleted(field: String, value: String)
    case mergeNeedsBidirectional(mapping: String, direction: String)
    /// The value would not fit the destination field (too long, or a NUL), so nothing is written cut.
    case valueDoesNotFit(field: String, side: Side, refusal: FieldRefusal)
    /// Applying a preview: the record moved after the preview was made.
    case changedSincePreview
    /// Someone else wrote the record on `side` after this job read it; it was left as they wrote it.
    case changedElsewhere(side: Side)
    case recordMissing(side: Side)
    case duplicateID(side: Side)
    case duplicateNumber(side: Side, number: String)
    case unknownField(side: Side, field: String)
    /// The service behind `side` refused this record, with its message.
    case rejectedByService(side: Side, message: String)
    /// The side failed as a whole (its database or service), with the error it gave.
    case storage(String)
    case couldNotCreate
    case couldNotRestore
    case alreadyCoupled
    /// Another job (still running) has claimed the record to couple or create it.
    case claimedByJob(JobID)
    /// The pair was changed (uncoupled or re-coupled) by another job after this one read it.
    case couplingChangedElsewhere
    case outsideFilter(record: String, filter: String)
    case directionNotAllowed(mapping: String, direction: String)
    case companyNotCoupled
    case notCoupled
    case notFound(reference: String)
    /// Match-based coupling found no single candidate.
    case unmatched(UnmatchedReason)
    /// A record the job changed, moved again since: undo leaves it alone.
    case changedAfterJob(JobID)
    case deletedAfterJob(JobID)
    /// Text written by an older Tandem, kept as it was.
    case legacy(String)

    /// The words for a person, in the current language.
    public var message: String {
        switch self {
        case .coupledRecordDeleted(let side, let id):
            tr("Coupled to a deleted record: the {0} record {1} no longer exists.", side.displayName, id)
        case .cannotRestore(let side, let mapping, let direction):
            tr("Cannot restore the {0} record: the {1} mapping does not synchronize {2}.", side.displayName, mapping, direction)
        case .lookupNotCoupled(let field, let value):
            tr("{0} \"{1}\" refers to a record that is not coupled; couple it first.", field, value)
        case .lookupCounterpartDeleted(let field, let value):
            tr("{0} \"{1}\" is coupled to a record that no longer exists (the company's coupled account was deleted); restore it or couple the company again first.", field, value)
        case .mergeNeedsBidirectional(let mapping, let direction):
            tr("Merge needs a bidirectional mapping; {0} is {1}.", mapping, direction)
        case .valueDoesNotFit(let field, let side, let refusal):
            tr("Cannot write {0} in the {1}: {2}. Correct it on the other side and synchronize again.", field, side.displayName, refusal)
        case .changedSincePreview: tr("The record changed after the preview; preview again.")
        case .changedElsewhere(let side):
            tr("The {0} record was changed by someone else since it was read; it was left as they wrote it and will be planned again.", side.displayName)
        case .recordMissing(let side): tr("The {0} record does not exist.", side.displayName)
        case .duplicateID(let side): tr("The {0} already has a record with this id.", side.displayName)
        case .duplicateNumber(let side, let number): tr("The {0} already has a record No. {1}.", side.displayName, number)
        case .unknownField(let side, let field): tr("The {0} table has no field \"{1}\".", side.displayName, field)
        case .rejectedByService(let side, let message): tr("The {0} refused the record: {1}", side.displayName, message)
        case .storage(let error): tr("The side could not be written: {0}", error)
        case .couldNotCreate: tr("The record could not be created.")
        case .couldNotRestore: tr("The record could not be restored.")
        case .alreadyCoupled: tr("The record is already coupled.")
        case .claimedByJob(let job): tr("The record is already being coupled by another job (job {0}).", job)
        case .couplingChangedElsewhere: tr("The coupling was changed by another job meanwhile.")
        case .outsideFilter(let record, let filter): tr("{0} is outside the mapping's filter ({1}).", record, filter)
        case .directionNotAllowed(let mapping, let direction): tr("The {0} mapping does not synchronize {1}.", mapping, direction)
        case .companyNotCoupled: tr("The contact's company is not coupled to a CRM account.")
        case .notCoupled: tr("The record is not coupled.")
        case .notFound(let reference): tr("No record {0} exists.", reference)
        case .unmatched(let reason): tr("Unmatched: {0}", reason.message)
        case .changedAfterJob(let job): tr("the record changed after job {0}", job)
        case .deletedAfterJob(let job): tr("the record was deleted after job {0}", job)
        case .legacy(let text): text
        }
    }

    /// A side's refusal of a write, as a failure of the record on `side`.
    public init(_ refusal: RecordSourceError, side: Side) {
        switch refusal {
        case .notFound: self = .recordMissing(side: side)
        case .changedElsewhere: self = .changedElsewhere(side: side)
        case .duplicateID: self = .duplicateID(side: side)
        case .duplicateNumber(_, let number): self = .duplicateNumber(side: side, number: number)
        case .unknownField(_, let field): self = .unknownField(side: side, field: field)
        case .noNumberSeries: self = .storage(error: refusal)
        case .rejected(_, _, let message): self = .rejectedByService(side: side, message: message)
        }
    }

    /// A side's failure as a whole. Its error carries no code, so its words are kept in English: the
    /// stored reason then reads the same whatever language the job ran in.
    public static func storage(error: any Error) -> RecordFailure {
        .storage(Language.$override.withValue(.english) { String(describing: error) })
    }

    /// Whether someone else got to the record or its coupling first: the job left it alone rather
    /// than failing it, so the coupling's failure streak is untouched and the next run plans it again.
    public var isChangedElsewhere: Bool {
        switch self {
        case .changedElsewhere, .changedSincePreview, .couplingChangedElsewhere, .claimedByJob: true
        default: false
        }
    }

    /// The stored form: JSON.
    public var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? message
    }

    /// A stored reason back; text that is not one (an older Tandem's sentence) reads as `.legacy`.
    public static func decode(_ stored: String) -> RecordFailure {
        guard stored.hasPrefix("{"), let decoded = try? JSONDecoder().decode(RecordFailure.self, from: Data(stored.utf8))
        else { return .legacy(stored) }
        return decoded
    }
}

extension RecordFailure {
    /// Whether the record failed on a record it refers to that is not coupled (a contact's company),
    /// which coupling that one by match can mend (`DependencyCoupler`).
    public var isUncoupledDependency: Bool {
        switch self {
        case .lookupNotCoupled, .companyNotCoupled: true
        default: false
        }
    }
}
