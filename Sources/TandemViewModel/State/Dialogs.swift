import TandemCore

/// The modal layer: at most one dialog at a time.
public enum Modal: Equatable, Sendable {
    /// The bindings of a context, scrolled down by `offset` rows.
    case help(Context, offset: Int)
    case coupling(CouplingDialog)
    case syncQuestion(SyncDialog)
    case preview(PreviewState)
    case progress(ProgressState)
    case result(ResultState)
    case confirm(ConfirmDialog)
    case match(MatchDialog)
}

/// Records a command acts on: some rows of a pane, or every row its filter shows (less exceptions).
public enum RecordTarget: Equatable, Sendable {
    case records(PaneID, [RecordID])
    case allShown(PaneID, filter: String, except: Set<RecordID>)

    public var pane: PaneID {
        switch self {
        case .records(let pane, _), .allShown(let pane, _, _): pane
        }
    }
}

/// A record picked for the coupling dialog.
public struct ChosenRecord: Equatable, Sendable {
    public var id: RecordID
    public var label: String

    public init(id: RecordID, label: String) {
        self.id = id
        self.label = label
    }
}

/// A row of the coupling dialog's lookup list.
public struct LookupEntry: Equatable, Sendable {
    public var id: RecordID
    public var label: String
    public var detail: String
    public var coupled: Bool

    public init(id: RecordID, label: String, detail: String, coupled: Bool) {
        self.id = id
        self.label = label
        self.detail = detail
        self.coupled = coupled
    }
}

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

/// The *Synchronize now* question (spec §5): a menu of directions or a yes/no question.
public struct SyncDialog: Equatable, Sendable {
    public var target: RecordTarget
    /// How many records the target holds (for the title and the progress bar).
    public var count: Int
    public var question: SyncQuestion
    public var cursor = 0
    /// The destination may be overwritten: a single record whose question a person answered.
    public var single: Bool

    public init(target: RecordTarget, count: Int, question: SyncQuestion, single: Bool) {
        self.target = target
        self.count = count
        self.question = question
        self.single = single
        if case .menu(_, let options, let recommended, _) = question {
            cursor = options.firstIndex(of: recommended) ?? 0
        } else if case .confirm(_, _, let defaultYes) = question {
            cursor = defaultYes ? 0 : 1
        }
    }

    /// The options shown: the directions of a menu, or Yes / No.
    public var options: [String] {
        switch question {
        case .menu(_, let choices, _, _): choices.map(Self.label)
        case .confirm, .setUpCoupling: ["Yes", "No"]
        }
    }

    /// The choice under the cursor; nil for "No".
    public var choice: SyncChoice? {
        switch question {
        case .menu(_, let choices, _, _): choices.indices.contains(cursor) ? choices[cursor] : nil
        case .confirm(_, let choice, _): cursor == 0 ? choice : nil
        case .setUpCoupling: nil
        }
    }

    public static func label(_ choice: SyncChoice) -> String {
        switch choice {
        case .toCRM: "Send data update to CRM"
        case .fromCRM: "Get data update from CRM"
        case .merge: "Merge data"
        }
    }
}

/// The preview of a synchronization: what would change, record by record, field by field, for the first
/// `shownLimit` records, and the counts of all. OK applies exactly this plan when it is whole; beyond the
/// limit it plans again and refuses records whose plan differs from the previewed one (`SyncPreview`).
public struct PreviewState: Equatable, Sendable {
    /// Records a preview lists; the rest are counted.
    public static let shownLimit = 1_000

    public var dialog: SyncDialog
    public var preview: SyncPreview
    public var lines: [String]
    public var summary: String
    public var scroll = 0

    public init(dialog: SyncDialog, preview: SyncPreview, lines: [String], summary: String) {
        self.dialog = dialog
        self.preview = preview
        self.lines = lines
        self.summary = summary
    }
}

/// Work running in the background: a synchronization (cancellable between batches) or a match.
public struct ProgressState: Equatable, Sendable {
    public var title: String
    public var done = 0
    public var total: Int
    /// Names a cancellable run to the effect runner, so Esc can stop it between batches; nil for
    /// work that cannot be stopped half-way.
    public var token: Int?
    public var cancelRequested = false

    public init(title: String, total: Int, token: Int?) {
        self.title = title
        self.total = total
        self.token = token
    }
}

/// The end of a job: "Synchronized 41 of 50 records. 2 failed. 7 were skipped."
public struct ResultState: Equatable, Sendable {
    public var summary: String
    public var jobID: JobID?
    /// Records that failed or were skipped, with their reasons.
    public var problems: [String]

    public init(summary: String, jobID: JobID?, problems: [String]) {
        self.summary = summary
        self.jobID = jobID
        self.problems = problems
    }
}

/// A yes/no question before a command that changes data.
public struct ConfirmDialog: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// "The record is not coupled. Do you want to set up a coupling?"
        case setUpCoupling(PageKind, erpID: RecordID, label: String)
        case deleteCoupling(RecordTarget)
        case createNew(RecordTarget)
        /// Delete jobs older than this many days (nil: all); failed jobs a skipped coupling refers to stay.
        case cleanup(olderThanDays: Int?)
    }

    public var text: String
    public var purpose: Purpose
    /// Yes is under the cursor.
    public var yes: Bool

    public init(text: String, purpose: Purpose, defaultYes: Bool) {
        self.text = text
        self.purpose = purpose
        yes = defaultYes
    }
}
