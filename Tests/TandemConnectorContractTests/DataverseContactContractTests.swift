import Foundation
import Testing
import TandemConnectors
import TandemCore
import TandemEmulator
import TandemSQLite

/// Tandem's CRM contacts living in Dataverse: a contact's company is the account target of its
/// `parentcustomerid` lookup, read as `_parentcustomerid_value` (with its logical name) and written
/// as `parentcustomerid_account@odata.bind`, null to disassociate; `fullname` is the service's own.
@Suite(.serialized, .timeLimit(.minutes(2))) struct DataverseContactContractTests {
    /// Two accounts and three contacts: one at each account, one with no company.
    func seeded(_ fixture: DataverseFixture) throws -> (accounts: [String], contacts: [String]) {
        let accounts = try ["Fabrikam", "Contoso"].map { name in
            try #require(try fixture.emulator.insertAccount(["name": .string(name)])["accountid"]?.stringValue)
        }
        let contacts = try [("Ana", "Núñez", accounts[0] as String?), ("Bo", "Li", accounts[1]), ("Cy", "Oduya", nil)].map { first, last, company in
            var fields: [String: JSONValue] = ["firstname": .string(first), "lastname": .string(last),
                                               "emailaddress1": .string("\(first.lowercased())@example.com")]
            if let company { fields["parentcustomerid_account@odata.bind"] = .string("/accounts(\(company))") }
            return try #require(try fixture.emulator.insertContact(fields)["contactid"]?.stringValue)
        }
        return (accounts, contacts)
    }

    @Test func contactsArriveWithTheirCompanyAndTheServicesFullName() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let (accounts, contacts) = try seeded(fixture)
        let reports = try fixture.connect().pull(.crm)
        #expect(reports.map(\.table) == ["account", "contact", "systemuser"])
        #expect(reports.first { $0.table == "contact" }?.changes.inserted == 3)
        let source = try fixture.contacts()
        let pulled = try source.records(ids: contacts.map { RecordID($0) })
        let byID = Dictionary(uniqueKeysWithValues: pulled.map { ($0.id.rawValue, $0) })
        #expect(byID[contacts[0]]?["parentcustomerid"] == accounts[0])
        #expect(byID[contacts[0]]?["fullname"] == "Ana Núñez" && byID[contacts[0]]?["firstname"] == "Ana")
        #expect(byID[contacts[1]]?["parentcustomerid"] == accounts[1])
        #expect(byID[contacts[2]]?["parentcustomerid"] == "")
        // A company that is itself a contact is not one Tandem carries: it reads as none.
        let child = try #require(try fixture.emulator.insertContact([
            "lastname": .string("Junior"), "parentcustomerid_contact@odata.bind": .string("/contacts(\(contacts[0]))"),
        ])["contactid"]?.stringValue)
        #expect(fixture.emulator.contact(id: child)?["_parentcustomerid_value"]?.stringValue == contacts[0])
        _ = try fixture.connect().pull(.crm)
        #expect(try fixture.contacts().record(id: RecordID(child))?["parentcustomerid"] == "")
        // The company's id is the account's id in the replica, so the lookup needs no translation.
        #expect(try fixture.accounts().record(id: RecordID(accounts[0]))?["name"] == "Fabrikam")
        let reads = fixture.emulator.requestLog.filter { $0.method == "GET" && $0.path.hasSuffix("/contacts") }
        #expect(!reads.isEmpty)
        // The screens name Dataverse on both CRM panes.
        #expect(try fixture.connect().connectedServices[.crm]
            == ConnectedSide(service: "Dataverse", tables: ["account", "contact", "systemuser"],
                             missingFields: ["account": [], "contact": [], "systemuser": []]))
    }

    @Test func aCompanyIsMovedAndClearedThroughTheLookupAndAConcurrentEditIs412() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let (accounts, contacts) = try seeded(fixture)
        _ = try fixture.connect().pull(.crm)
        let source = try fixture.contacts()
        let ana = try #require(try source.record(id: RecordID(contacts[0])))
        _ = try source.write(.update(id: ana.id, fields: ["parentcustomerid": accounts[1], "jobtitle": "Buyer"], expected: ana.modifiedAt))
        #expect(fixture.emulator.contact(id: contacts[0])?["_parentcustomerid_value"]?.stringValue == accounts[1])
        #expect(fixture.emulator.contact(id: contacts[0])?["jobtitle"]?.stringValue == "Buyer")
        #expect(try source.record(id: ana.id)?["parentcustomerid"] == accounts[1])

        let moved = try #require(try source.record(id: ana.id))
        _ = try source.write(.update(id: ana.id, fields: ["parentcustomerid": ""], expected: moved.modifiedAt))
        #expect(fixture.emulator.contact(id: contacts[0])?["_parentcustomerid_value"] == .null)
        #expect(try source.record(id: ana.id)?["parentcustomerid"] == "")

        let bo = try #require(try source.record(id: RecordID(contacts[1])))
        try fixture.emulator.editContact(id: contacts[1], ["jobtitle": .string("Chief Buyer")])
        let result = try source.apply([.update(id: bo.id, fields: ["parentcustomerid": ""], expected: bo.modifiedAt)])
        #expect(result == [.refused(.changedElsewhere(table: "contact", id: bo.id))])
        #expect(fixture.emulator.contact(id: contacts[1])?["_parentcustomerid_value"]?.stringValue == accounts[1])
        #expect(try source.record(id: bo.id)?["jobtitle"] == "Chief Buyer")
    }

    @Test func aNewContactIsCreatedAtItsCompanyWithoutSendingTheFullName() throws {
        let fixture = try DataverseFixture()
        defer { fixture.remove() }
        let (accounts, _) = try seeded(fixture)
        _ = try fixture.connect().pull(.crm)
        let source = try fixture.contacts()
        let id = RecordID.generate()
        let results = try source.apply([.insert(id: id, fields: ["firstname": "Dee", "lastname": "Ørsted", "fullname": "Dee Ørsted",
                                                                 "parentcustomerid": accounts[0], "mobilephone": "+45 20 00 00 00"])])
        #expect(results.first?.version != nil)
        let stored = try #require(fixture.emulator.contact(id: id.rawValue))
        #expect(stored["_parentcustomerid_value"]?.stringValue == accounts[0])
        #expect(stored["fullname"]?.stringValue == "Dee Ørsted")
        #expect(try source.record(id: id)?["parentcustomerid"] == accounts[0])
        // A company the organization lacks is refused for that contact alone.
        let orphan = RecordID.generate()
        let refused = try source.apply([.insert(id: orphan, fields: ["firstname": "Eve", "lastname": "Nobody",
                                                                     "parentcustomerid": UUID().uuidString.lowercased()])])
        guard case .rejected(_, _, let message)? = refused.first?.refusal else {
            Issue.record("expected a rejection, got \(refused)")
            return
        }
        #expect(message.contains("Does Not Exist"))
        #expect(fixture.emulator.contact(id: orphan.rawValue) == nil)
    }
}
