import Testing
@testable import TandemCore

/// Every ERP field, group, table and page has its Spanish caption; the CRM keeps its logical names.
@Suite struct CaptionsTests {
    @Test func everyERPFieldGroupTableAndPageHasASpanishCaption() {
        for schema in StandardTables.tables(on: .erp) {
            for field in schema.fields {
                #expect(Captions.spanishERPFields[field.name] != nil, "\(schema.name).\(field.name)")
                #expect(Captions.spanishGroups[field.group] != nil, "group \(field.group)")
            }
        }
        for schema in StandardTables.tables(on: .erp) + StandardTables.tables(on: .crm) {
            #expect(Captions.spanishTables[schema.displayName] != nil, "table \(schema.displayName)")
            for field in schema.fields { #expect(Captions.spanishGroups[field.group] != nil, "group \(field.group)") }
        }
        #expect(Captions.page(id: "customers", english: "Customers", in: .spanish) == "Clientes")
        #expect(Captions.page(id: "contacts", english: "Contacts", in: .spanish) == "Contactos")
    }

    @Test func englishKeepsTheStoredNamesAndTheCRMKeepsItsLogicalNames() {
        #expect(Captions.field("City", on: .erp, in: .english) == "City")
        #expect(Captions.field("City", on: .erp, in: .spanish) == "Población")
        #expect(Captions.field("address1_city", on: .crm, in: .spanish) == "address1_city")
        #expect(Captions.table(StandardTables.customer, in: .spanish) == "Cliente")
    }

    @Test func aSpanishHeaderNamesItsStoredField() {
        #expect(Captions.storedField(forHeader: "Población", in: StandardTables.customer) == "City")
        #expect(Captions.storedField(forHeader: " cód. país/región ", in: StandardTables.customer) == "Country/Region Code")
        #expect(Captions.storedField(forHeader: "City", in: StandardTables.customer) == "City")
        #expect(Captions.storedField(forHeader: "Ciudad", in: StandardTables.customer) == nil)
        #expect(Captions.storedField(forHeader: "Población", in: StandardTables.account) == nil)
    }
}
