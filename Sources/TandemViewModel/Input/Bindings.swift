import TandemCore

public enum Bindings {
    private static let screens: [Context] = [.list, .card, .jobs, .jobErrors, .errors, .mappings]

    /// Every binding, its hints and help in the current language (the keys and commands are the same in
    /// every language).
    public static var table: [Binding] { tables[Language.current] ?? made() }

    /// The table made once per language.
    private static let tables = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
        (language, Language.$override.withValue(language) { made() })
    })

    private static func made() -> [Binding] { [
        Binding(keys: [.up, .character("k")], command: .moveUp, hint: nil, help: tr("move up"),
                contexts: [.list, .card, .jobs, .jobErrors, .couplingLookup, .syncQuestion, .preview, .match, .errors, .mappings,
                           .undoPreview, .result]),
        Binding(keys: [.down, .character("j")], command: .moveDown, hint: nil, help: tr("move down"),
                contexts: [.list, .card, .jobs, .jobErrors, .couplingLookup, .syncQuestion, .preview, .match, .errors, .mappings,
                           .undoPreview, .result]),
        Binding(keys: [.pageUp], command: .pageUp, hint: nil, help: tr("page up"),
                contexts: [.list, .jobs, .jobErrors, .preview, .undoPreview, .result]),
        Binding(keys: [.pageDown], command: .pageDown, hint: nil, help: tr("page down"),
                contexts: [.list, .jobs, .jobErrors, .preview, .undoPreview, .result]),
        Binding(keys: [.home, .character("g")], command: .top, hint: nil, help: tr("first row"), contexts: [.list, .jobs]),
        Binding(keys: [.end, .character("G")], command: .bottom, hint: nil, help: tr("last row"), contexts: [.list, .jobs]),
        Binding(keys: [.space], command: .toggleSelection, hint: tr("select"),
                help: tr("select or deselect, then move down"), contexts: [.list]),
        Binding(keys: [.shiftUp], command: .extendUp, hint: nil, help: tr("extend the selection up"), contexts: [.list]),
        Binding(keys: [.shiftDown], command: .extendDown, hint: nil, help: tr("extend the selection down"), contexts: [.list]),
        Binding(keys: [.character("v")], command: .rangeMode, hint: nil,
                help: tr("range mode: moving selects (v ends)"), contexts: [.list]),
        Binding(keys: [.character("a")], command: .selectAll, hint: nil, help: tr("select every row the filter shows"),
                contexts: [.list]),
        Binding(keys: [.character("A")], command: .clearSelection, hint: nil, help: tr("clear the selection"), contexts: [.list]),
        Binding(keys: [.escape], command: .clearFilterOrRange, hint: nil, help: tr("end range mode, or clear the filter"),
                contexts: [.list]),
        Binding(keys: [.character("/")], command: .filter, hint: tr("filter"),
                help: tr("filter: name, No., city, e-mail"), contexts: [.list]),
        Binding(keys: [.enter], command: .open, hint: tr("open"), help: tr("open the record's card"), contexts: [.list], hintRank: 1),
        Binding(keys: [.enter], command: .open, hint: tr("errors"), help: tr("open the job's errors"), contexts: [.jobs]),
        Binding(keys: [.character("x")], command: .cleanupOld, hint: tr("clean up"),
                help: tr("delete jobs older than 7 days"), contexts: [.jobs]),
        Binding(keys: [.character("X")], command: .cleanupAll, hint: nil, help: tr("delete every job"), contexts: [.jobs]),
        Binding(keys: [.character("u")], command: .undo, hint: tr("undo"),
                help: tr("undo the job (a preview comes first)"), contexts: [.jobs], hintRank: 7),
        Binding(keys: [.character("c")], command: .setUpCoupling, hint: tr("couple"),
                help: tr("set up coupling (current row)"), contexts: [.list, .card, .errors]),
        Binding(keys: [.character("s")], command: .synchronize, hint: tr("sync"),
                help: tr("synchronize now (selection or row)"), contexts: [.list, .card, .errors]),
        Binding(keys: [.character("S")], command: .synchronizeModified, hint: tr("sync modified"),
                help: tr("synchronize the modified records"), contexts: [.list], hintRank: 4),
        Binding(keys: [.character("P")], command: .pull, hint: nil,
                help: tr("pull the connected sides"), contexts: [.list]),
        Binding(keys: [.character("d")], command: .deleteCoupling, hint: nil,
                help: tr("delete coupling (selection or row)"), contexts: [.list, .card, .errors]),
        Binding(keys: [.character("m")], command: .match, hint: tr("match"),
                help: tr("match-based coupling"), contexts: [.list], hintRank: 3),
        Binding(keys: [.character("r")], command: .retry, hint: tr("retry"), help: tr("retry: clear the skipped mark"),
                contexts: [.errors]),
        Binding(keys: [.character("R")], command: .retryAll, hint: nil, help: tr("retry all"), contexts: [.errors]),
        Binding(keys: [.character("t")], command: .restoreRecord, hint: tr("restore"),
                help: tr("restore the deleted side"), contexts: [.errors]),
        Binding(keys: [.character("x")], command: .deleteRecord, hint: nil,
                help: tr("delete the surviving record"), contexts: [.errors]),
        Binding(keys: [.character("n")], command: .createNew, hint: nil,
                help: tr("create the selection on the other side"), contexts: [.list]),
        Binding(keys: [.enter, .character("e")], command: .editField, hint: tr("edit"), help: tr("edit the field"), contexts: [.card]),
        Binding(keys: [.character("o")], command: .openCounterpart, hint: tr("coupled"),
                help: tr("open the coupled record's card"), contexts: [.card]),
        Binding(keys: [.tab], command: .otherPane, hint: tr("pane"), help: tr("switch between ERP and CRM panes"),
                contexts: [.list], hintRank: 2),
        Binding(keys: (1...9).map { .character(Character(String($0))) }, command: .numberedPage, hint: nil,
                help: tr("the page with that number"), contexts: [.list]),
        Binding(keys: [.character("]")], command: .nextPage, hint: nil, help: tr("next page"), contexts: [.list]),
        Binding(keys: [.character("[")], command: .previousPage, hint: nil, help: tr("previous page"), contexts: [.list]),
        Binding(keys: [.character("J")], command: .jobs, hint: tr("jobs"), help: tr("the job log"), contexts: [.list, .card], hintRank: 8),
        Binding(keys: [.character("E")], command: .errors, hint: tr("errors"), help: tr("coupled data errors"), contexts: [.list, .card],
                hintRank: 8),
        Binding(keys: [.character("M")], command: .mappings, hint: nil, help: tr("the mappings"), contexts: [.list, .card]),
        Binding(keys: [.space], command: .toggle, hint: tr("on/off"), help: tr("match on the field, or tick an option"),
                contexts: [.match]),
        Binding(keys: [.character("c")], command: .caseSensitive, hint: tr("case"), help: tr("compare with regard to case"),
                contexts: [.match]),
        Binding(keys: [.character("+"), .right], command: .priorityUp, hint: tr("priority"),
                help: tr("lower priority (tried later)"), contexts: [.match]),
        Binding(keys: [.character("-"), .left], command: .priorityDown, hint: nil, help: tr("higher priority (tried sooner)"),
                contexts: [.match]),
        Binding(keys: [.tab], command: .nextMapping, hint: tr("next mapping"), help: tr("show the next mapping"),
                contexts: [.mappings]),
        Binding(keys: [.space], command: .toggle, hint: tr("on/off"), help: tr("enable or disable the field"), contexts: [.mappings]),
        Binding(keys: [.character("r")], command: .cycleDirection, hint: nil, help: tr("change the mapping's direction"),
                contexts: [.mappings]),
        Binding(keys: [.character("u")], command: .cycleUpdateConflict, hint: nil, help: tr("change the update conflict policy"),
                contexts: [.mappings]),
        Binding(keys: [.character("x")], command: .cycleDeletionConflict, hint: nil, help: tr("change the deletion policy"),
                contexts: [.mappings]),
        Binding(keys: [.character("f")], command: .cycleFieldDirection, hint: tr("field direction"),
                help: tr("change the field's own direction"), contexts: [.mappings]),
        Binding(keys: [.character("o")], command: .toggleOnlyCoupled, hint: nil,
                help: tr("only coupled, or also create the rest"), contexts: [.mappings]),
        Binding(keys: [.character("e")], command: .editERPFilter, hint: tr("filters"), help: tr("edit the ERP filter"),
                contexts: [.mappings]),
        Binding(keys: [.character("c")], command: .editCRMFilter, hint: nil, help: tr("edit the CRM filter"), contexts: [.mappings]),
        Binding(keys: [.character("=")], command: .editConstant, hint: nil, help: tr("edit the field's constant"),
                contexts: [.mappings]),
        Binding(keys: [.enter], command: .accept, hint: tr("save"), help: tr("save what was typed"), contexts: [.mappingPrompt]),
        Binding(keys: [.escape], command: .cancel, hint: tr("cancel"), help: tr("cancel: the mapping stays as it is"),
                contexts: [.mappingPrompt]),
        Binding(keys: [.tab, .down], command: .nextField, hint: tr("next"), help: tr("next field"), contexts: [.coupling]),
        Binding(keys: [.backTab, .up], command: .previousField, hint: nil, help: tr("previous field"), contexts: [.coupling]),
        Binding(keys: [.space, .left, .right], command: .toggle, hint: tr("change"),
                help: tr("tick Create new, change Synchronize"), contexts: [.coupling]),
        Binding(keys: [.function(4), .control("l")], command: .lookup, hint: tr("lookup"),
                help: tr("pick the CRM record from a list"), contexts: [.coupling]),
        Binding(keys: [.character("p")], command: .preview, hint: tr("preview"),
                help: tr("preview what will change"), contexts: [.syncQuestion]),
        Binding(keys: [.enter], command: .accept, hint: tr("OK"), help: tr("OK"),
                contexts: [.coupling, .couplingLookup, .syncQuestion, .preview, .confirm, .cardEditing, .match]),
        Binding(keys: [.enter], command: .accept, hint: tr("undo"), help: tr("undo the job as shown"), contexts: [.undoPreview]),
        Binding(keys: [.enter], command: .open, hint: tr("open job"), help: tr("open the job's errors"), contexts: [.result]),
        Binding(keys: [.character("c")], command: .coupleDependencies, hint: nil,
                help: tr("couple companies by match, sync again"), contexts: [.result]),
        Binding(keys: [.left, .right, .tab, .character("y"), .character("n")], command: .toggle, hint: tr("yes/no"),
                help: tr("choose Yes or No"), contexts: [.confirm]),
        Binding(keys: [.escape], command: .cancel, hint: tr("cancel"), help: tr("cancel: nothing is written"),
                contexts: [.coupling, .couplingLookup, .syncQuestion, .preview, .confirm, .cardEditing, .progress, .match,
                           .undoPreview]),
        Binding(keys: [.escape, .character("q")], command: .closeOverlay, hint: tr("close"), help: tr("close"), contexts: [.result]),
        Binding(keys: [.escape, .character("q")], command: .back, hint: tr("back"), help: tr("back"),
                contexts: [.card, .jobs, .jobErrors, .errors, .mappings]),
        Binding(keys: [.character("?"), .function(1)], command: .help, hint: tr("help"), help: tr("help: the keys that work here"),
                contexts: screens),
        Binding(keys: [.escape, .character("?"), .character("q")], command: .closeOverlay, hint: tr("close"),
                help: tr("close help"), contexts: [.help]),
        Binding(keys: [.down, .character("j"), .pageDown], command: .scrollHelpDown, hint: tr("more"),
                help: tr("scroll help down"), contexts: [.help]),
        Binding(keys: [.up, .character("k"), .pageUp], command: .scrollHelpUp, hint: nil, help: tr("scroll help up"),
                contexts: [.help]),
        Binding(keys: [.character("q")], command: .quit, hint: tr("quit"), help: tr("quit"), contexts: [.list]),
    ] }

    /// The command `key` runs in `context`, if any.
    public static func command(for key: Key, in context: Context) -> Command? {
        table.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.command
    }

    /// The bindings that apply in `context`, in table order.
    public static func bindings(in context: Context) -> [Binding] {
        table.filter { $0.contexts.contains(context) }
    }

    /// "Space select  / filter  Enter open …" for the status line, as many as fit in `width`
    /// columns; help, and the way out (quit, back, cancel), are always kept.
    /// Commands in `unavailable` (nothing to act on here, such as retry on a pair with a side gone) are
    /// left out.
    public static func hints(in context: Context, width: Int = .max, unavailable: Set<Command> = []) -> String {
        if context == .filterEditing { return tr("type to filter  {0} keep  {1} clear", Key.enter, Key.escape) }
        var entries = bindings(in: context).filter { !unavailable.contains($0.command) }.compactMap { binding in
            binding.hint.map { (text: "\(binding.keys[0]) \($0)",
                                rank: [.help, .quit, .back, .cancel].contains(binding.command) ? Int.max : binding.hintRank) }
        }
        func joined() -> String { entries.map(\.text).joined(separator: "  ") }
        while DisplayWidth.of(joined()) > width, entries.count > 1,
              let lowest = entries.filter({ $0.rank < .max }).map(\.rank).min(),
              let drop = entries.lastIndex(where: { $0.rank == lowest }) {
            entries.remove(at: drop)
        }
        return joined()
    }
}
