import ArgumentParser
import TandemCore

/// A list the command line names (`tandem list customers`, `import --table crm-contacts`): its name,
/// its table, and the fields `list` shows after the number and the name. `all` is the one list of
/// them, so a new mapped table reaches the commands through one more entry there.
struct ListName: Equatable, ExpressibleByArgument {
    let name: String
    let schema: TableSchema
    /// Shown by `list` after the record's number (when its table has one) and its name.
    let columns: [String]

    var side: Side { schema.side }

    static let all = [
        ListName(name: "customers", schema: StandardTables.customer, columns: ["City", "Phone No.", "E-Mail"]),
        ListName(name: "contacts", schema: StandardTables.erpContact, columns: ["Company No.", "E-Mail"]),
        ListName(name: "accounts", schema: StandardTables.account, columns: ["accountnumber", "address1_city", "emailaddress1"]),
        ListName(name: "crm-contacts", schema: StandardTables.crmContact, columns: ["emailaddress1", "jobtitle"]),
        ListName(name: "salespeople", schema: StandardTables.salesperson, columns: ["E-Mail", "Job Title"]),
        ListName(name: "crm-users", schema: StandardTables.systemUser, columns: ["internalemailaddress", "title", "isdisabled"]),
    ]

    /// The names in words: "customers, contacts, accounts, crm-contacts, salespeople or crm-users".
    static var choices: String {
        let names = all.map(\.name)
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return tr("{0} or {1}", names.dropLast().joined(separator: ", "), last)
    }

    init(name: String, schema: TableSchema, columns: [String]) {
        self.name = name
        self.schema = schema
        self.columns = columns
    }

    init?(argument: String) {
        guard let list = Self.all.first(where: { $0.name == argument }) else { return nil }
        self = list
    }

    static var allValueStrings: [String] { all.map(\.name) }

    static func == (lhs: ListName, rhs: ListName) -> Bool { lhs.name == rhs.name }

    /// A table by its list name or its own name (`customers`, `Customer`, `crm-contacts`, `contact`).
    static func table(_ name: String, on side: Side) -> TableSchema? {
        if let list = ListName(argument: name.lowercased()), list.side == side { return list.schema }
        return StandardTables.tables(on: side).first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}
