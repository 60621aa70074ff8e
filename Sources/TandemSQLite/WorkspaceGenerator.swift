import Foundation
import TandemCore

/// Builds a large, deterministic workspace for tests and benchmarks: realistic company and person
/// names, a chosen share of customers coupled (with snapshots), some changed in the ERP, some in the
/// CRM, some in both (true conflicts), and for every uncoupled customer an account that matches it.
public struct WorkspaceGenerator {
    public var customers: Int
    /// Contacts in all, spread evenly over the customers.
    public var contacts = 0
    public var seed: UInt64 = 1
    /// Share of customers that are coupled to their account.
    public var coupledShare: Double = 0.8
    /// Shares of coupled pairs changed since the last sync on one side, and on both (same field).
    public var erpChangedShare: Double = 0.3
    public var crmChangedShare: Double = 0.1
    public var conflictShare: Double = 0.05
    /// Whether to create the CRM side at all (a paging benchmark needs only one big table).
    public var withCRM = true

    public init(customers: Int) { self.customers = customers }

    /// What was generated.
    public struct Summary: Sendable, CustomStringConvertible {
        public var customers = 0, accounts = 0, contacts = 0, crmContacts = 0, couplings = 0
        public var description: String {
            tr("{0} customers, {1} accounts, {2} ERP contacts, {3} CRM contacts, {4} couplings", Format.integer(customers), Format.integer(accounts), Format.integer(contacts), Format.integer(crmContacts), Format.integer(couplings))
        }
    }

    private static let cores = ["Adatum", "Contoso", "Fabrikam", "Northwind", "Litware", "Proseware", "Tailspin", "Woodgrove",
                                "Alpine", "Coho", "Lucerne", "Margie", "Relecloud", "Humongous", "Wingtip", "Trey",
                                "Nordlicht", "Sonnenhof", "Bergmann", "Lefèvre", "Belle-Île", "García", "Ibáñez", "Rossi",
                                "Ångström", "Nyström", "Łódź", "Gonçalves", "山田", "東京精密", "华星", "النور"]
    private static let trades = ["Logistics", "Engineering", "Foods", "Textiles", "Software", "Ceramics", "Pharma", "Solar",
                                 "Interiors", "Trading", "Motors", "Printing", "Optics", "Winery", "Bakery", "Holzbau"]
    private static let forms = ["GmbH", "Ltd.", "S.A.", "S.r.l.", "AB", "B.V.", "Inc.", "plc", "K.K.", "Sp. z o.o."]
    private static let cities = [("Berlin", "DE"), ("München", "DE"), ("Paris", "FR"), ("Lyon", "FR"), ("Madrid", "ES"),
                                 ("Sevilla", "ES"), ("Milano", "IT"), ("Amsterdam", "NL"), ("London", "GB"), ("Seattle", "US"),
                                 ("Chicago", "US"), ("東京", "JP"), ("北京", "CN"), ("Stockholm", "SE"), ("Kraków", "PL"),
                                 ("São Paulo", "BR")]
    private static let firstNames = ["Anna", "Jürgen", "Amélie", "José", "Giulia", "Daan", "Oliver", "Emma", "太郎", "Åsa",
                                     "Łukasz", "João", "Fatima", "Noah", "Chloé", "Mateo"]
    private static let lastNames = ["Müller", "Lefèvre", "García", "Rossi", "de Vries", "Smith", "Johnson", "山田", "Nyström",
                                    "Nowak", "Silva", "Haddad", "Becker", "Moreau", "Ibáñez", "O'Neill"]

    /// Generates into a new workspace folder, a batch at a time.
    @discardableResult
    public func generate(into folder: String, clock: any TimeSource = SystemTimeSource()) throws -> (SQLiteWorkspace, Summary) {
        let opened = try SQLiteWorkspace.create(at: folder, clock: clock)
        var random = SplitMix64(seed: seed)
        var summary = Summary()
        let base = Timestamp(iso8601: "2026-11-01T08:00:00.000Z") ?? Timestamp(milliseconds: 0)
        let customerTable = try opened.table(StandardTables.customer.name, on: .erp)
        let accountTable = try opened.table(StandardTables.account.name, on: .crm)
        let batchSize = 10_000
        var contactNumber = 0
        for start in stride(from: 0, to: customers, by: batchSize) {
            var erp: [TandemCore.Record] = [], crm: [TandemCore.Record] = [], couplings: [Coupling] = []
            var erpContacts: [TandemCore.Record] = [], crmContacts: [TandemCore.Record] = []
            var contactCouplings: [Coupling] = []
            for index in start..<min(start + batchSize, customers) {
                let synced = base.adding(milliseconds: Int64(index))
                let customer = makeCustomer(index, at: synced, random: &random)
                erp.append(customer)
                guard withCRM else { continue }
                var account = Record(id: RecordID(random.uuid()), modifiedAt: synced, fields: Self.accountFields(from: customer))
                let coupled = random.unit() < coupledShare
                if coupled {
                    let mapping = DefaultMappings.customer
                    var snapshot: FieldSnapshot = [:]
                    for field in mapping.enabledFields {
                        snapshot[field.erpField] = SnapshotValue(erp: customer[field.erpField], crm: account[field.crmField])
                    }
                    let roll = random.unit()
                    if roll < conflictShare {
                        erp[erp.count - 1]["E-Mail"] = "sales.\(index)@example.com"
                        erp[erp.count - 1].modifiedAt = synced.adding(milliseconds: 3_600_000)
                        account["emailaddress1"] = "office.\(index)@example.com"
                        account.modifiedAt = synced.adding(milliseconds: 3_600_000)
                    } else if roll < conflictShare + erpChangedShare {
                        erp[erp.count - 1]["Phone No."] = "+49 30 \(900_000 + index)"
                        erp[erp.count - 1]["City"] = Self.cities[(index + 3) % Self.cities.count].0
                        erp[erp.count - 1].modifiedAt = synced.adding(milliseconds: 3_600_000)
                    } else if roll < conflictShare + erpChangedShare + crmChangedShare {
                        account["websiteurl"] = "https://www.example.com/\(index)"
                        account.modifiedAt = synced.adding(milliseconds: 3_600_000)
                    }
                    couplings.append(Coupling(mapping: mapping.name, erpID: customer.id, crmID: account.id,
                                              erpModifiedAtLastSync: synced, crmModifiedAtLastSync: synced, snapshot: snapshot))
                }
                crm.append(account)
                let people = (index + 1) * contacts / customers - index * contacts / customers
                for _ in 0..<people {
                    contactNumber += 1
                    let (contact, crmContact) = makeContacts(contactNumber, company: customer, account: account, at: synced,
                                                             random: &random)
                    erpContacts.append(contact)
                    crmContacts.append(crmContact)
                    if coupled {
                        contactCouplings.append(Coupling(mapping: DefaultMappings.contactName, erpID: contact.id,
                                                         crmID: crmContact.id, erpModifiedAtLastSync: synced,
                                                         crmModifiedAtLastSync: synced))
                    }
                }
            }
            try customerTable.insertVerbatim(erp)
            try accountTable.insertVerbatim(crm)
            try opened.table(StandardTables.erpContact.name, on: .erp).insertVerbatim(erpContacts)
            try opened.table(StandardTables.crmContact.name, on: .crm).insertVerbatim(crmContacts)
            var changes = WorkspaceChanges()
            changes.couplings = (couplings + contactCouplings).map { .claim($0) }
            if let refusal = try opened.workspace.store.commit(changes).values.first { throw TandemError.refused(refusal) }
            summary.customers += erp.count
            summary.accounts += crm.count
            summary.contacts += erpContacts.count
            summary.crmContacts += crmContacts.count
            summary.couplings += couplings.count + contactCouplings.count
        }
        return (opened, summary)
    }

    private func makeCustomer(_ index: Int, at stamp: Timestamp, random: inout SplitMix64) -> TandemCore.Record {
        let core = Self.cores[random.below(Self.cores.count)]
        let trade = Self.trades[random.below(Self.trades.count)]
        let form = Self.forms[random.below(Self.forms.count)]
        let (city, country) = Self.cities[random.below(Self.cities.count)]
        let name = "\(core) \(trade) \(form)"
        return Record(id: RecordID(random.uuid()), modifiedAt: stamp, fields: [
            "No.": NumberSeries.format(index + 1, prefix: "C"), "Name": name,
            "Address": "\(["Hauptstraße", "High Street", "Rue de la Paix", "Via Roma", "Main Street"][random.below(5)]) \(1 + random.below(200))",
            "Post Code": String(10_000 + random.below(89_999)), "City": city, "Country/Region Code": country,
            "Phone No.": "+\(1 + random.below(98)) \(100 + random.below(899)) \(100_000 + random.below(899_999))",
            "E-Mail": "info.\(index)@\(trade.lowercased()).example", "Home Page": "www.\(trade.lowercased())\(index).example",
            "Contact": "\(Self.firstNames[random.below(Self.firstNames.count)]) \(Self.lastNames[random.below(Self.lastNames.count)])",
            "Currency Code": country == "GB" ? "GBP" : country == "US" ? "USD" : "",
            "Credit Limit": String(random.below(20) * 5000),
        ])
    }

    private static func accountFields(from customer: TandemCore.Record) -> [String: String] {
        var fields = ["statecode": "Active"]
        for field in DefaultMappings.customer.enabledFields where !customer[field.erpField].isEmpty {
            fields[field.crmField] = customer[field.erpField]
        }
        return fields
    }

    private func makeContacts(_ number: Int, company: TandemCore.Record, account: TandemCore.Record, at stamp: Timestamp,
                              random: inout SplitMix64) -> (TandemCore.Record, TandemCore.Record) {
        let first = Self.firstNames[random.below(Self.firstNames.count)]
        let last = Self.lastNames[random.below(Self.lastNames.count)]
        let mail = "person.\(number)@example.com"
        let erp = Record(id: RecordID(random.uuid()), modifiedAt: stamp, fields: StandardTables.erpContact.withDerivedName([
            "No.": NumberSeries.format(number, prefix: "CT"), "First Name": first, "Surname": last,
            "Company No.": company["No."], "E-Mail": mail, "Job Title": "Buyer", "Type": "Person",
        ]))
        let crm = Record(id: RecordID(random.uuid()), modifiedAt: stamp, fields: StandardTables.crmContact.withDerivedName([
            "firstname": first, "lastname": last, "parentcustomerid": account.id.rawValue, "emailaddress1": mail,
            "jobtitle": "Buyer", "statecode": "Active",
        ]))
        return (erp, crm)
    }
}
