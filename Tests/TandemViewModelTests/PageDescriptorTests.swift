import Testing
import TandemCore
import TandemTestSupport
import TandemViewModel

/// A mapped table reaches the UI through one more page descriptor and nothing else: a currency table
/// made up here (no such table ships) is listed on both sides, opened on a card, and reached with its
/// number key and with `]`, by a view model given the descriptor list.
@Suite struct PageDescriptorTests {
    static let erpCurrency = TableSchema(
        side: .erp, name: "Currency", displayName: "Currency",
        fields: [FieldDefinition("Code", group: "General", maxLength: 10),
                 FieldDefinition("Description", group: "General", maxLength: 30)],
        nameField: "Description", numberField: "Code", searchFields: ["Code"])
    static let crmCurrency = TableSchema(
        side: .crm, name: "transactioncurrency", displayName: "CRM transactioncurrency",
        fields: [FieldDefinition("currencyname", group: "General", maxLength: 100),
                 FieldDefinition("isocurrencycode", group: "General", maxLength: 5)],
        nameField: "currencyname", searchFields: ["isocurrencycode"])
    static let mapping = TableMapping(name: "CURRENCY", erpTable: "Currency", crmTable: "transactioncurrency",
                                      direction: .bidirectional,
                                      fields: [FieldMapping(erp: "Description", crm: "currencyname", matchOn: true),
                                               FieldMapping(erp: "Code", crm: "isocurrencycode")])
    static let currencies = PageKind(
        id: "currencies", title: "Currencies", mapping: "CURRENCY", erpTable: erpCurrency, crmTable: crmCurrency,
        erpColumns: [ListColumn(field: "Code", title: "Code", width: 5, dropOrder: 1),
                     ListColumn(field: "Description", title: "Description", width: 12, dropOrder: 0, flexible: true)],
        crmColumns: [ListColumn(field: "currencyname", title: "Name", width: 12, dropOrder: 0, flexible: true),
                     ListColumn(field: "isocurrencycode", title: "ISO", width: 4, dropOrder: 1)])

    func model() throws -> ViewModel {
        let clock = ManualClock()
        let erp = InMemoryRecordSource(schema: Self.erpCurrency, clock: clock)
        let crm = InMemoryRecordSource(schema: Self.crmCurrency, clock: clock)
        try erp.apply([.insert(id: .generate(), fields: ["Code": "EUR", "Description": "Euro"]),
                       .insert(id: .generate(), fields: ["Code": "CHF", "Description": "Swiss franc"])])
        try crm.apply([.insert(id: .generate(), fields: ["currencyname": "Euro", "isocurrencycode": "EUR"])])
        let customers = InMemoryRecordSource(schema: StandardTables.customer, clock: clock)
        let accounts = InMemoryRecordSource(schema: StandardTables.account, clock: clock)
        let contacts = InMemoryRecordSource(schema: StandardTables.erpContact, clock: clock)
        let crmContacts = InMemoryRecordSource(schema: StandardTables.crmContact, clock: clock)
        let workspace = Workspace(store: InMemoryWorkspaceStore(mappings: DefaultMappings.all + [Self.mapping]),
                                  erpTables: [customers, contacts, erp], crmTables: [accounts, crmContacts, crm],
                                  clock: clock, leases: InMemoryJobLeases())
        let model = ViewModel.immediate(workspace: workspace, size: Size(width: 80, height: 24), workspaceName: "test",
                                        pageKinds: [.customers, .contacts, Self.currencies])
        model.send(.start)
        return model
    }

    @Test func theThirdPageListsBothSidesOfTheNewTable() throws {
        let model = try model()
        model.press(.character("3"))
        let frame = model.frame
        #expect(frame.line(0).contains("Tandem · Currencies: ERP Currency ↔ CRM transactioncurrency"))
        #expect(frame.line(1).contains("ERP · Currency · 2") && frame.line(1).contains("CRM · transactioncurrency · 1"))
        #expect(frame.line(2).contains("Code") && frame.line(2).contains("ISO"))
        #expect(frame.text.contains("CHF") && frame.text.contains("Swiss franc") && frame.text.contains("EUR"))
        model.press(.enter)
        #expect(model.frame.text.contains("Currency") && model.frame.text.contains("Code"))
    }

    @Test func nextPageReachesTheNewPageAndWrapsToTheFirst() throws {
        let model = try model()
        model.press(.character("]"), .character("]"))
        #expect(model.state.page == Self.currencies)
        model.press(.character("]"))
        #expect(model.state.page == .customers)
        model.press(.character("9"))
        #expect(model.state.page == .customers)
    }
}
