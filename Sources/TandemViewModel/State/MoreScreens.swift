import TandemCore

/// One field mapping as the match dialog offers it.
public struct MatchFieldRow: Equatable, Sendable {
    public var erpField: String
    public var crmField: String
    public var on: Bool
    public var caseSensitive: Bool
    public var priority: Int

    public init(erpField: String, crmField: String, on: Bool, caseSensitive: Bool, priority: Int) {
        self.erpField = erpField
        self.crmField = crmField
        self.on = on
        self.caseSensitive = caseSensitive
        self.priority = priority
    }
}

/// *Match-based coupling* (spec §6): fields, case, priorities, create new, synchronize after.
public struct MatchDialog: Equatable, Sendable {
    public var page: PageKind
    /// The selected ERP records; nil means every uncoupled ERP record.
    public var target: RecordTarget?
    public var count: Int?
    public var fields: [MatchFieldRow]
    public var createNew = false
    public var synchronize = false
    /// Rows are the fields, then Create new, Synchronize after, and OK.
    public var cursor = 0
    public var error: String?

    public init(page: PageKind, target: RecordTarget?, count: Int?, fields: [MatchFieldRow]) {
        self.page = page
        self.target = target
        self.count = count
        self.fields = fields
    }

    public var rowCount: Int { fields.count + 3 }
}

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

/// Coupled data synchronization errors (spec §8).
public struct ErrorsState: Equatable, Sendable {
    public var rows: [ErrorRow] = []
    public var cursor = 0
    public var loaded = false

    public init() {}
}

/// The table and field mappings.
public struct MappingsState: Equatable, Sendable {
    public var mappings: [TableMapping] = []
    /// Which mapping is shown, and the field under the cursor.
    public var selected = 0
    public var cursor = 0

    public init() {}
}
