import Foundation
import Testing
import TandemConnectors
import TandemCore
import TandemEmulator
import TandemSQLite

/// Tandem's ERP salespeople living in Business Central's `salespeoplePurchasers`: pulled with the
/// customers, updated under `If-Match` (409 when someone else changed one), created with their code,
/// which is how a create whose answer was lost is found again instead of made twice.
@Suite(.serialized, .timeLimit(.minutes(2))) struct BusinessCentralSalespersonContractTests {
    @Test func salespeopleArriveWithTheCustomersAndTheirCodes() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        let lucia = try #require(try fixture.emulator.insertSalesperson([
            "code": .string("lm"), "displayName": .string("Lucía Martínez"), "email": .string("lucia.martinez@cronus.example"),
            "jobTitle": .string("Account Manager"),
        ])["id"]?.stringValue)
        _ = try fixture.emulator.insertSalesperson(["code": .string("PS"), "displayName": .string("Peter Saddow"), "blocked": .bool(true)])
        _ = try fixture.emulator.insertCustomer(["displayName": .string("Gdańsk Stocznia"), "salespersonCode": .string("LM")])
        let reports = try fixture.connect().pull(.erp)
        #expect(reports.map(\.table) == ["Customer", "Salesperson"])
        let source = try fixture.salespeople()
        let pulled = try #require(try source.record(id: RecordID(lucia)))
        #expect(pulled["Code"] == "LM" && pulled["Name"] == "Lucía Martínez" && pulled["Blocked"] == "No")
        #expect(try source.records(numbers: ["PS"]).first?["Blocked"] == "Yes")
        #expect(try fixture.customers().scan(after: nil, limit: 5).first?["Salesperson Code"] == "LM")
        // The screens name Business Central on the Salespeople page's ERP pane.
        #expect(try fixture.connect().connectedServices[.erp]?.service(of: "Salesperson") == "Business Central")
    }

    @Test func anUpdateLandsAndAConcurrentEditIs409() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        let ids = try ["AH", "JR"].map { code in
            try #require(try fixture.emulator.insertSalesperson(["code": .string(code), "displayName": .string(code)])["id"]?.stringValue)
        }
        _ = try fixture.connect().pull(.erp)
        let source = try fixture.salespeople()
        let first = try #require(try source.record(id: RecordID(ids[0])))
        _ = try source.write(.update(id: first.id, fields: ["Name": "Annette Hill", "E-Mail": "annette.hill@cronus.example",
                                                             "Blocked": "Yes"], expected: first.modifiedAt))
        let stored = try #require(fixture.emulator.salespeople().first)
        #expect(stored["displayName"]?.stringValue == "Annette Hill" && stored["blocked"] == .bool(true))
        #expect(stored["email"]?.stringValue == "annette.hill@cronus.example")

        let second = try #require(try source.record(id: RecordID(ids[1])))
        try fixture.emulator.editSalesperson(id: ids[1], ["jobTitle": .string("Sales Director")])
        let result = try source.apply([.update(id: second.id, fields: ["Name": "John Roberts"], expected: second.modifiedAt)])
        #expect(result == [.refused(.changedElsewhere(table: "Salesperson", id: second.id))])
        #expect(try source.record(id: second.id)?["Job Title"] == "Sales Director")
        #expect(fixture.emulator.salespeople().last?["displayName"]?.stringValue == "JR")
    }

    @Test func aCreateWhoseAnswerIsLostIsRecognisedByItsCodeNotMadeTwice() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        let source = try fixture.salespeople()
        fixture.emulator.injectFault(.dropAfterHandling, method: "POST", pathContains: "$batch")
        let id = RecordID.generate()
        let results = try source.apply([.insert(id: id, fields: ["Code": "SF", "Name": "Sofia Rossi", "Blocked": "No"])])
        #expect(results.first?.version != nil)
        #expect(fixture.emulator.salespeople().filter { $0["code"]?.stringValue == "SF" }.count == 1)
        #expect(try source.record(id: id)?["Name"] == "Sofia Rossi")
        // A salesperson without a code is refused for that record alone: Code is the table's key.
        let refused = try source.apply([.insert(id: RecordID.generate(), fields: ["Name": "No Code"])])
        guard case .refused? = refused.first else { Issue.record("a create without a code was not refused: \(refused)"); return }
    }

    @Test func anOlderServiceWithoutSalespeopleStillPullsItsCustomers() throws {
        let fixture = try BusinessCentralFixture(offersSalespeople: false)
        defer { fixture.remove() }
        fixture.emulator.seedCustomers(count: 3)
        let reports = try fixture.connect().pull(.erp)
        #expect(reports.map(\.table) == ["Customer", "Salesperson"])
        #expect(reports.first?.changes.inserted == 3 && reports.first?.notOffered == nil)
        #expect(reports.last?.notOffered == "Business Central has no salespeoplePurchasers (older versions lack it): Salesperson was not pulled and stays as it is.")
    }

    /// Only a set that came with a recent version may be missing: a company that is not there fails
    /// the pull, as before, instead of reading as an older service.
    @Test func aCompanyThatIsNotThereStillFailsThePull() throws {
        let fixture = try BusinessCentralFixture()
        defer { fixture.remove() }
        try fixture.opened.setConnection(SideConnection(kind: "business-central", url: fixture.emulator.baseURL.absoluteString,
                                                        company: UUID().uuidString.lowercased(), connectedAt: Timestamp(Date())), on: .erp)
        #expect(throws: ConnectorError.self) { try fixture.connect().pull(.erp) }
    }
}
