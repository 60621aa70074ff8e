import TandemCore

/// A row of the coupled-data errors list.
public struct ErrorRow: Equatable, Sendable {
    public var mapping: String
    public var erpID: RecordID
    public var crmID: RecordID
    public var table: String
    public var erpLabel: String?
    public var crmLabel: String?
    public var skipped: Bool
    public var lastError: String?
    public var failedOn: Timestamp?

    public init(_ error: CoupledDataError) {
        mapping = error.coupling.mapping
        erpID = error.coupling.erpID
        crmID = error.coupling.crmID
        table = error.erpTable
        erpLabel = error.erpLabel.map(DisplayText.sanitized)
        crmLabel = error.crmLabel.map(DisplayText.sanitized)
        skipped = error.coupling.skipped
        lastError = error.lastError.map { DisplayText.sanitized($0.message) }
        failedOn = error.failedOn
    }

    public var exactlyOneSideMissing: Bool { (erpLabel == nil) != (crmLabel == nil) }
}
