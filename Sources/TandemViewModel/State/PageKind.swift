import TandemCore

/// A list page's descriptor: its title, the mapping it shows, each side's table and list columns.
/// Everything the view model does with a page comes from here, so adding a mapped table to the UI is
/// one more descriptor in the list given to `AppState` (`standard` by default) and nothing else.
/// Pages are told apart by `id`.
public struct PageKind: Hashable, Sendable {
    public let id: String
    public let title: String
    /// The table mapping whose records the page shows.
    public let mapping: String
    public let erpTable: TableSchema
    public let crmTable: TableSchema
    public let erpColumns: [ListColumn]
    public let crmColumns: [ListColumn]

    public init(id: String, title: String, mapping: String, erpTable: TableSchema, crmTable: TableSchema,
                erpColumns: [ListColumn], crmColumns: [ListColumn]) {
        self.id = id
        self.title = title
        self.mapping = mapping
        self.erpTable = erpTable
        self.crmTable = crmTable
        self.erpColumns = erpColumns
        self.crmColumns = crmColumns
    }

    /// The table a side of the page shows.
    public func table(on side: Side) -> TableSchema { side == .erp ? erpTable : crmTable }

    /// The list columns of a side, before they are fitted to the terminal's width.
    public func columns(on side: Side) -> [ListColumn] { side == .erp ? erpColumns : crmColumns }

    public static func == (lhs: PageKind, rhs: PageKind) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

extension PageKind {
    /// ERP Customer ↔ CRM account, titled in the current language.
    public static var customers: PageKind { PageKind(
        id: "customers", title: Captions.page(id: "customers", english: "Customers"), mapping: DefaultMappings.customerName,
        erpTable: StandardTables.customer, crmTable: StandardTables.account,
        erpColumns: [ListColumn(field: "No.", title: tr("No."), width: 6, dropOrder: 1),
                     ListColumn(field: "Name", title: tr("Name"), width: 12, dropOrder: 0, flexible: true),
                     ListColumn(field: "City", title: tr("City"), width: 11, dropOrder: 3, maxWidth: 20),
                     ListColumn(field: "Phone No.", title: tr("Phone"), width: 15, dropOrder: 5),
                     ListColumn(field: "E-Mail", title: tr("E-mail"), width: 22, dropOrder: 4, maxWidth: 40)],
        crmColumns: [ListColumn(field: "name", title: tr("Name"), width: 12, dropOrder: 0, flexible: true),
                     ListColumn(field: "accountnumber", title: tr("No."), width: 6, dropOrder: 2),
                     ListColumn(field: "address1_city", title: tr("City"), width: 11, dropOrder: 3, maxWidth: 20),
                     ListColumn(field: "emailaddress1", title: tr("E-mail"), width: 22, dropOrder: 4, maxWidth: 40)]) }

    /// ERP Contact ↔ CRM contact, titled in the current language.
    public static var contacts: PageKind { PageKind(
        id: "contacts", title: Captions.page(id: "contacts", english: "Contacts"), mapping: DefaultMappings.contactName,
        erpTable: StandardTables.erpContact, crmTable: StandardTables.crmContact,
        erpColumns: [ListColumn(field: "No.", title: tr("No."), width: 8, dropOrder: 1),
                     ListColumn(field: "Name", title: tr("Name"), width: 12, dropOrder: 0, flexible: true),
                     ListColumn(field: "Company No.", title: tr("Company"), width: 6, dropOrder: 2),
                     ListColumn(field: "E-Mail", title: tr("E-mail"), width: 22, dropOrder: 4, maxWidth: 40),
                     ListColumn(field: "Job Title", title: tr("Job title"), width: 16, dropOrder: 5)],
        crmColumns: [ListColumn(field: "fullname", title: tr("Name"), width: 12, dropOrder: 0, flexible: true),
                     ListColumn(field: "emailaddress1", title: tr("E-mail"), width: 22, dropOrder: 4, maxWidth: 40),
                     ListColumn(field: "jobtitle", title: tr("Job title"), width: 16, dropOrder: 5)]) }

    /// ERP Salesperson ↔ CRM user, titled in the current language.
    public static var salespeople: PageKind { PageKind(
        id: "salespeople", title: Captions.page(id: "salespeople", english: "Salespeople"), mapping: DefaultMappings.salespeopleName,
        erpTable: StandardTables.salesperson, crmTable: StandardTables.systemUser,
        // The e-mail is what a salesperson is coupled by, so it stays as long as the code does.
        erpColumns: [ListColumn(field: "Code", title: tr("Code"), width: 6, dropOrder: 1),
                     ListColumn(field: "Name", title: tr("Name"), width: 12, dropOrder: 0, flexible: true),
                     ListColumn(field: "E-Mail", title: tr("E-mail"), width: 20, dropOrder: 3, maxWidth: 40),
                     ListColumn(field: "Job Title", title: tr("Job title"), width: 16, dropOrder: 5)],
        crmColumns: [ListColumn(field: "fullname", title: tr("Name"), width: 12, dropOrder: 0, flexible: true),
                     ListColumn(field: "internalemailaddress", title: tr("E-mail"), width: 22, dropOrder: 3, maxWidth: 40),
                     ListColumn(field: "title", title: tr("Job title"), width: 16, dropOrder: 5)]) }

    /// The pages of the standard tables, in the order their number keys (1, 2, …) choose them. A state
    /// keeps the descriptors it was made with, so its titles are in the language of that moment.
    public static var standard: [PageKind] { [customers, contacts, salespeople] }
}
