import Foundation
import TandemCore

/// Everything the screen shows, and nothing it does not need.
public struct AppState: Equatable, Sendable {
    public var size: Size
    public var workspaceName: String
    public var page: PageKind
    public var pages: [PageKind: ListPageState]
    /// The pages there are, in the order their number keys choose them.
    public let pageKinds: [PageKind]
    /// Screens opened over the list page (a card, the job log); the last is shown.
    public var screens: [Screen] = []
    /// At most one dialog at a time.
    public var modal: Modal?
    /// Names the next synchronization run, so it can be cancelled.
    public var nextRunToken = 1
    /// A message for the status line, and whether it reports an error.
    public var message: String?
    public var messageIsError = false
    public var quitRequested = false
    /// Where the next look for others' changes starts (nil before the first).
    public var othersCheckedAt: Timestamp?
    /// The zone times are shown in: the person's own (the command line's JSON keeps UTC).
    public var timeZone: TimeZone
    /// The service each connected side lives in and the tables it carries, for the panes' titles.
    public var services: [Side: ConnectedSide] = [:]

    /// A state over `pageKinds` (at least one), showing the first.
    public init(size: Size, workspaceName: String, pageKinds: [PageKind] = PageKind.standard,
                timeZone: TimeZone = .current) {
        self.size = size
        self.timeZone = timeZone
        self.workspaceName = workspaceName
        self.pageKinds = pageKinds.isEmpty ? PageKind.standard : pageKinds
        page = self.pageKinds[0]
        pages = Dictionary(self.pageKinds.map { ($0, ListPageState(kind: $0)) }) { first, _ in first }
    }

    /// The table a pane shows (for column titles, labels and the card's fields).
    public func schema(_ pane: PaneID) -> TableSchema { pane.page.table(on: pane.side) }

    public var currentPage: ListPageState {
        get { pages[page] ?? ListPageState(kind: page) }
        set { pages[page] = newValue }
    }

    subscript(pane: PaneID) -> PaneState {
        get { pages[pane.page]?[pane.side] ?? PaneState(id: pane) }
        set { pages[pane.page]?[pane.side] = newValue }
    }

    /// Where keys go now.
    public var context: Context {
        switch modal {
        case .help?: return .help
        case .coupling(let dialog)?: return dialog.lookup == nil ? .coupling : .couplingLookup
        case .syncQuestion?: return .syncQuestion
        case .preview?: return .preview
        case .progress(let progress)?: return progress.token == nil ? .working : .progress
        case .result?: return .result
        case .confirm?: return .confirm
        case .match?: return .match
        case .undoPreview?: return .undoPreview
        case nil: break
        }
        switch screens.last {
        case .card(let card)?: return card.editing == nil ? .card : .cardEditing
        case .jobs?: return .jobs
        case .jobErrors?: return .jobErrors
        case .errors?: return .errors
        case .mappings(let view)?: return view.prompt == nil ? .mappings : .mappingPrompt
        case nil: return currentPage.editingFilter ? .filterEditing : .list
        }
    }

    /// Shows a refusal on the status line, in the error role.
    public mutating func refuse(_ text: String) {
        message = text
        messageIsError = true
    }

    /// Keys must wait: the focused list pane is loading rows (a new filter, a page past the window),
    /// and a key now would act on rows that are about to be replaced.
    public var awaitsRows: Bool {
        screens.isEmpty && modal == nil && currentPage[currentPage.focus].loading
    }

    /// How many list rows fit in a pane at the current size (title, headers, status and hints take five).
    public var visibleRows: Int { max(1, size.height - 5) }
}
