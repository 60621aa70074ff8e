/// What the help overlay lists for a context: every key binding (from the table that drives dispatch,
/// so help cannot disagree with the keys), then — on a list — what the marks in the rows mean.
enum HelpEntries {
    struct Entry: Equatable {
        var key: String
        var text: String
    }

    /// The marks a list row can carry, as the legend explains them, in the current language.
    static var legend: [Entry] {
        [
            Entry(key: "✓", text: tr("in step, as far as this side knows")),
            Entry(key: "✎", text: tr("changed here since the last sync")),
            Entry(key: "", text: tr("(each pane marks only its own side)")),
            Entry(key: "↷", text: tr("skipped; retry it on the errors (E)")),
            Entry(key: "✗", text: tr("the pair's last sync failed (E)")),
            Entry(key: "+", text: tr("selected")),
            Entry(key: tr("No."), text: tr("CRM pane: the account's ERP number")),
        ]
    }

    static func entries(in context: Context) -> [Entry] {
        let keys = Bindings.bindings(in: context).map { Entry(key: $0.keyText, text: $0.help) }
        return context == .list ? keys + [Entry(key: "", text: tr("Marks in the rows:"))] + legend : keys
    }
}
