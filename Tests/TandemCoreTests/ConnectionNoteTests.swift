import Testing
import TandemCore

/// What a connected service means for a mapping: a table it does not carry, else each mapped field its
/// API lacks, on whichever side it lives; nothing when neither side is connected.
@Suite struct ConnectionNoteTests {
    let businessCentral = ConnectedSide(service: "Business Central", tables: ["Customer"], missingFields: ["Customer": ["Contact"]])

    @Test func aLackedFieldIsNamedAndAnUncarriedTableOutranksItsFields() {
        #expect(ConnectionNote.notes(for: DefaultMappings.customer, sides: [.erp: businessCentral])
            == [.fieldLacking(side: .erp, field: "Contact", service: "Business Central")])
        #expect(ConnectionNote.notes(for: DefaultMappings.contact, sides: [.erp: businessCentral])
            == [.tableNotCarried(side: .erp, table: "Contact", service: "Business Central")])
        let dataverse = ConnectedSide(service: "Dataverse", tables: ["account", "contact"])
        #expect(ConnectionNote.notes(for: DefaultMappings.customer, sides: [.crm: dataverse]).isEmpty)
        #expect(ConnectionNote.notes(for: DefaultMappings.customer, sides: [:]).isEmpty)
    }

    @Test func aNoteConcernsTheFieldItNamesOnItsOwnSide() throws {
        let note = ConnectionNote.fieldLacking(side: .erp, field: "Contact", service: "Business Central")
        let contact = try #require(DefaultMappings.customer.fields.first { $0.erpField == "Contact" })
        let name = try #require(DefaultMappings.customer.fields.first { $0.erpField == "Name" })
        #expect(note.concerns(contact) && !note.concerns(name))
    }
}
