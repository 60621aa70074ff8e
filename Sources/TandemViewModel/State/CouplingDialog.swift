import TandemCore

/// *Set up coupling* (spec §4).
public struct CouplingDialog: Equatable, Sendable {
    public enum Field: Int, Sendable, CaseIterable { case crmRecord, createNew, sync, ok, cancel }

    public var page: PageKind
    public var erpID: RecordID
    public var erpLabel: String
    public var crmText = ""
    public var crm: ChosenRecord?
    public var createNew = false
    public var sync: SyncAfterCoupling = .useERP
    /// What *Synchronize after* said before *Create new* was ticked, given back when it is cleared.
    public var syncBeforeCreateNew: SyncAfterCoupling?
    public var focus: Field = .crmRecord
    /// The mapped fields of both records side by side.
    public var comparison: [FieldPair] = []
    /// Shown in the dialog; the dialog stays open.
    public var error: String?
    /// The lookup list, when open.
    public var lookup: [LookupEntry]?
    public var lookupCursor = 0
    /// Bumped on every keystroke in the CRM field, so a late answer for older text is ignored.
    public var searchGeneration = 0

    public init(page: PageKind, erpID: RecordID, erpLabel: String) {
        self.page = page
        self.erpID = erpID
        self.erpLabel = erpLabel
    }
}
