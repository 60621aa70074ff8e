/// What the help overlay lists for a context: every key binding (from the table that drives dispatch,
/// so help cannot disagree with the keys), then — on a list — what the marks in the rows mean.
enum HelpEntries {
    struct Entry: Equatable {
        var key: String
        var text: String
    }

    /// The marks a list row can carry, as the legend explains them.
    static let legend: [Entry] = [
        Entry(key: "✓", text: "in step, as far as this side knows"),
        Entry(key: "✎", text: "changed here since the last sync"),
        Entry(key: "", text: "(each pane marks only its own side)"),
        Entry(key: "↷", text: "skipped; retry it on the errors (E)"),
        Entry(key: "✗", text: "the pair's last sync failed (E)"),
        Entry(key: "+", text: "selected"),
        Entry(key: "No.", text: "CRM pane: the account's ERP number"),
    ]

    static func entries(in context: Context) -> [Entry] {
        let keys = Bindings.bindings(in: context).map { Entry(key: $0.keyText, text: $0.help) }
        return context == .list ? keys + [Entry(key: "", text: "Marks in the rows:")] + legend : keys
    }
}
