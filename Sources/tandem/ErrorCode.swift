import TandemConnectors
import TandemCore
import TandemSQLite

/// What went wrong, as a word a script can branch on: the `code` of the error document `--json` writes
/// to standard error. The raw values are a contract (docs/json.md lists them); the words for a person
/// are the message beside the code. The exit code is separate: 2 when the command line was wrong, else 1.
enum ErrorCode: String, Encodable, CaseIterable {
    /// The command line is wrong: an unknown option, a missing argument, a value that does not parse.
    case usage
    /// A destructive command was run outside a terminal without `--yes`.
    case confirmationNeeded
    /// The person answered no.
    case notConfirmed
    case noWorkspace
    case workspaceExists
    /// A workspace database file was refused: corrupt, not Tandem's, a newer schema, read-only, ….
    case workspaceFile
    /// A stored value the workspace's schema does not allow.
    case storedData
    /// `export` refused or could not write its file.
    case outputFile
    /// `export -` on a terminal.
    case outputIsTerminal
    /// A CSV file with a bad line (`import`).
    case csv
    /// No mapping covers the table.
    case noMapping
    case unknownMapping
    case unknownTable
    case unknownField
    case recordNotFound
    /// A CRM name matches more than one record.
    case ambiguousName
    case duplicateRecord
    case outsideFilter
    case alreadyCoupled
    case notCoupled
    case companyNotCoupled
    case directionNotAllowed
    case jobNotFound
    case jobAlreadyUndone
    case jobNotUndoable
    case invalidCriteria
    /// A value the field cannot hold (too long, a NUL).
    case valueRefused
    /// The workspace refused the record; `reason` says why.
    case refused
    /// Someone else wrote the record while the command ran; nothing was written.
    case changedElsewhere
    /// Some records of the command failed or were refused; `records` lists them.
    case recordsFailed
    /// The terminal UI could not run.
    case terminal
    /// Anything else: the message says what.
    case failed

    /// The code of an error some layer threw.
    static func of(_ error: any Error) -> ErrorCode {
        switch error {
        case let error as CommandError: error.code
        case let error as TandemError: of(error)
        case let error as RecordSourceError: of(error)
        case is DatabaseFileError: .workspaceFile
        case is StoredDataError: .storedData
        case is OutputFileError: .outputFile
        case is CSVError: .csv
        case is FieldRefusal: .valueRefused
        case is ServiceEndpointError: .usage
        default: .failed
        }
    }

    private static func of(_ error: TandemError) -> ErrorCode {
        switch error {
        case .unknownMapping: .unknownMapping
        case .unknownTable: .unknownTable
        case .recordNotFound, .crmRecordNameNotFound: .recordNotFound
        case .ambiguousName: .ambiguousName
        case .outsideFilter: .outsideFilter
        case .alreadyCoupled: .alreadyCoupled
        case .notCoupled: .notCoupled
        case .companyNotCoupled: .companyNotCoupled
        case .directionNotAllowed: .directionNotAllowed
        case .jobNotFound: .jobNotFound
        case .jobAlreadyUndone: .jobAlreadyUndone
        case .jobNotUndoable: .jobNotUndoable
        case .invalidCriteria: .invalidCriteria
        case .refused: .refused
        }
    }

    private static func of(_ error: RecordSourceError) -> ErrorCode {
        switch error {
        case .notFound: .recordNotFound
        case .changedElsewhere: .changedElsewhere
        case .duplicateID, .duplicateNumber: .duplicateRecord
        case .unknownField: .unknownField
        case .noNumberSeries: .failed
        case .rejected: .refused
        }
    }
}
