/// What a key does. One table (`Bindings.table`) maps keys to commands per context, and the same
/// table fills the key hints on the status line and the help overlay, so they cannot disagree.
public enum Command: String, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case toggleSelection, extendUp, extendDown, rangeMode, selectAll, clearSelection
    case filter
    case otherPane, customersPage, contactsPage, nextPage, previousPage
    case help, scrollHelpUp, scrollHelpDown, closeOverlay, quit
}

/// Where the user is; each context has its own bindings.
public enum Context: String, Sendable, CaseIterable {
    /// A list page (Customers, Contacts) with a pane focused.
    case list
    /// Typing a list filter.
    case filterEditing
    /// The help overlay.
    case help
}

/// One row of the binding table.
public struct Binding: Sendable {
    public var keys: [Key]
    public var command: Command
    /// Short text for the key hints line; nil keeps the binding out of the hints (help still lists it).
    public var hint: String?
    /// The sentence help shows.
    public var help: String
    public var contexts: [Context]
}

public enum Bindings {
    public static let table: [Binding] = [
        Binding(keys: [.up, .character("k")], command: .moveUp, hint: nil, help: "move up", contexts: [.list]),
        Binding(keys: [.down, .character("j")], command: .moveDown, hint: "move", help: "move down", contexts: [.list]),
        Binding(keys: [.pageUp], command: .pageUp, hint: nil, help: "page up", contexts: [.list]),
        Binding(keys: [.pageDown], command: .pageDown, hint: nil, help: "page down", contexts: [.list]),
        Binding(keys: [.home, .character("g")], command: .top, hint: nil, help: "first row", contexts: [.list]),
        Binding(keys: [.end, .character("G")], command: .bottom, hint: nil, help: "last row", contexts: [.list]),
        Binding(keys: [.space], command: .toggleSelection, hint: "select",
                help: "select or deselect the row, then move down", contexts: [.list]),
        Binding(keys: [.shiftUp], command: .extendUp, hint: nil, help: "extend the selection up", contexts: [.list]),
        Binding(keys: [.shiftDown], command: .extendDown, hint: nil, help: "extend the selection down", contexts: [.list]),
        Binding(keys: [.character("v")], command: .rangeMode, hint: nil,
                help: "range mode: moving selects rows (v ends it)", contexts: [.list]),
        Binding(keys: [.character("a")], command: .selectAll, hint: nil, help: "select every row shown (the filter's rows)",
                contexts: [.list]),
        Binding(keys: [.character("A")], command: .clearSelection, hint: nil, help: "clear the selection", contexts: [.list]),
        Binding(keys: [.character("/")], command: .filter, hint: "filter",
                help: "filter as you type: name, No., city, e-mail", contexts: [.list]),
        Binding(keys: [.tab], command: .otherPane, hint: "other pane", help: "switch between the ERP and CRM panes",
                contexts: [.list]),
        Binding(keys: [.character("1")], command: .customersPage, hint: nil, help: "Customers page", contexts: [.list]),
        Binding(keys: [.character("2")], command: .contactsPage, hint: nil, help: "Contacts page", contexts: [.list]),
        Binding(keys: [.character("]")], command: .nextPage, hint: nil, help: "next page", contexts: [.list]),
        Binding(keys: [.character("[")], command: .previousPage, hint: nil, help: "previous page", contexts: [.list]),
        Binding(keys: [.character("?"), .function(1)], command: .help, hint: "help", help: "help: the keys that work here",
                contexts: [.list]),
        Binding(keys: [.escape, .character("?"), .character("q")], command: .closeOverlay, hint: "close",
                help: "close help", contexts: [.help]),
        Binding(keys: [.down, .character("j"), .pageDown], command: .scrollHelpDown, hint: "more",
                help: "scroll help down", contexts: [.help]),
        Binding(keys: [.up, .character("k"), .pageUp], command: .scrollHelpUp, hint: nil, help: "scroll help up",
                contexts: [.help]),
        Binding(keys: [.character("q")], command: .quit, hint: "quit", help: "quit", contexts: [.list]),
    ]

    /// The command `key` runs in `context`, if any.
    public static func command(for key: Key, in context: Context) -> Command? {
        table.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.command
    }

    /// The bindings that apply in `context`, in table order.
    public static func bindings(in context: Context) -> [Binding] {
        table.filter { $0.contexts.contains(context) }
    }

    /// "↓ move  Space select  / filter …" for the status line.
    public static func hints(in context: Context) -> String {
        if context == .filterEditing { return "type to filter  Enter keep  Esc clear" }
        return bindings(in: context).compactMap { binding in
            binding.hint.map { "\(binding.keys[0]) \($0)" }
        }.joined(separator: "  ")
    }
}
