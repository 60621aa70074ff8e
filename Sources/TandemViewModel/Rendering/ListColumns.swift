import TandemCore

/// A column of a list pane: which field, its title, how wide, and how early it drops as the
/// terminal narrows (higher `dropOrder` drops first; the flexible column never drops).
struct ListColumn: Equatable {
    var field: String
    var title: String
    var width: Int
    var dropOrder: Int
    var flexible = false

    static func columns(for pane: PaneID) -> [ListColumn] {
        switch (pane.page, pane.side) {
        case (.customers, .erp):
            [ListColumn(field: "No.", title: "No.", width: 6, dropOrder: 1),
             ListColumn(field: "Name", title: "Name", width: 12, dropOrder: 0, flexible: true),
             ListColumn(field: "City", title: "City", width: 11, dropOrder: 3),
             ListColumn(field: "Phone No.", title: "Phone", width: 15, dropOrder: 5),
             ListColumn(field: "E-Mail", title: "E-mail", width: 22, dropOrder: 4)]
        case (.customers, .crm):
            [ListColumn(field: "name", title: "Name", width: 12, dropOrder: 0, flexible: true),
             ListColumn(field: "accountnumber", title: "Acct.", width: 6, dropOrder: 2),
             ListColumn(field: "address1_city", title: "City", width: 11, dropOrder: 3),
             ListColumn(field: "emailaddress1", title: "E-mail", width: 22, dropOrder: 4)]
        case (.contacts, .erp):
            [ListColumn(field: "No.", title: "No.", width: 8, dropOrder: 1),
             ListColumn(field: "Name", title: "Name", width: 12, dropOrder: 0, flexible: true),
             ListColumn(field: "Company No.", title: "Company", width: 6, dropOrder: 2),
             ListColumn(field: "E-Mail", title: "E-mail", width: 22, dropOrder: 4),
             ListColumn(field: "Job Title", title: "Job title", width: 16, dropOrder: 5)]
        case (.contacts, .crm):
            [ListColumn(field: "fullname", title: "Name", width: 12, dropOrder: 0, flexible: true),
             ListColumn(field: "emailaddress1", title: "E-mail", width: 22, dropOrder: 4),
             ListColumn(field: "jobtitle", title: "Job title", width: 16, dropOrder: 5)]
        }
    }

    /// The columns that fit in `width` columns, with the flexible one taking what is left.
    static func layout(_ columns: [ListColumn], width: Int) -> [ListColumn] {
        var kept = columns
        func needed(_ set: [ListColumn]) -> Int { set.reduce(0) { $0 + $1.width } + max(0, set.count - 1) }
        while needed(kept) > width, let drop = kept.filter({ !$0.flexible }).max(by: { $0.dropOrder < $1.dropOrder }) {
            kept.removeAll { $0 == drop }
        }
        if let flexible = kept.firstIndex(where: \.flexible) {
            kept[flexible].width = max(1, width - needed(kept) + kept[flexible].width)
        }
        return kept
    }
}
