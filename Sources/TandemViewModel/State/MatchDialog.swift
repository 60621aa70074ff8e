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
