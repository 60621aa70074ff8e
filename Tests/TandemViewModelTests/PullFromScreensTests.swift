import Foundation
import Testing
import TandemCore
import TandemViewModel

/// `P` on a list pulls the connected sides, says what each table's pull brought, and reads the lists
/// again; with no side connected it says there is nothing to pull.
@Suite struct PullFromScreensTests {
    /// A connected side as the screens see it: a pull that brings one renamed account into the replica.
    final class RenamingPuller: SidePuller, @unchecked Sendable {
        let table: any RecordSource
        let id: RecordID
        private(set) var pulls = 0
        init(table: any RecordSource, id: RecordID) {
            self.table = table
            self.id = id
        }
        var connectedServices: [Side: ConnectedSide] { [.crm: ConnectedSide(service: "Dataverse", tables: ["account", "contact"])] }
        func secondsWaited() -> [String: Double] { [:] }
        func pullConnectedSides() throws -> [PulledTable] {
            pulls += 1
            _ = try table.edit(id: id, fields: ["name": "Renamed In Dataverse"])
            return [PulledTable(table: "account", changes: ReplicaChanges(changed: 1))]
        }
    }

    func frameText(_ model: ViewModel) -> String { model.frame.lines.joined(separator: "\n") }

    /// The screens over the harness's workspace with `puller`'s connected sides, started.
    func started(_ harness: Harness, puller: any SidePuller) -> ViewModel {
        let model = ViewModel.immediate(workspace: harness.opened.workspace, size: harness.state.size, workspaceName: "sample",
                                        timeZone: Harness.zone, puller: puller)
        model.send(.start)
        return model
    }

    /// Business Central and Dataverse as `ConnectedWorkspace` describes them: Business Central carries
    /// customers without their Contact field, and no contacts.
    struct Sides: SidePuller {
        var connectedServices: [Side: ConnectedSide] {
            [.erp: ConnectedSide(service: "Business Central", tables: ["Customer"], missingFields: ["Customer": ["Contact"]]),
             .crm: ConnectedSide(service: "Dataverse", tables: ["account", "contact"])]
        }
        func secondsWaited() -> [String: Double] { [:] }
        func pullConnectedSides() throws -> [PulledTable] { [] }
    }

    /// The mapping screen says what the standard APIs lack instead of pretending to carry it: the
    /// customer's Contact is marked, and on the cursor the line above explains; the CONTACT mapping
    /// says Business Central's contacts are not connected.
    @Test func theMappingScreenSaysWhatAConnectedServiceLacks() throws {
        let harness = try Harness(size: Size(width: 120, height: 30))
        defer { harness.remove() }
        let model = started(harness, puller: Sides())
        model.press(.character("M"))
        let marked = model.frame.lines.filter { $0.hasPrefix("  ~") }
        #expect(marked.count == 1 && marked.first?.hasPrefix("  ~Contact ") == true && marked.first?.contains("address1_primary") == true,
                "\(marked)")
        let index = try #require(try harness.opened.workspace.store.mapping(named: "CUSTOMER").fields.firstIndex { $0.erpField == "Contact" })
        for _ in 0..<index { model.press(.down) }
        #expect(model.frame.line(2).contains("~ Contact: Business Central's API has no such field; it is kept in Tandem only and never sent."),
                "\(model.frame.line(2))")
        model.press(.tab)
        #expect(model.frame.text.contains("Mapping CONTACT"))
        #expect(model.frame.line(2).contains("ERP Contact is not connected to Business Central: its records are read here and not written."),
                "\(model.frame.line(2))")
    }

    @Test func pullingBringsTheServicesChangesOntoTheList() throws {
        let harness = try Harness(size: Size(width: 120, height: 24))
        defer { harness.remove() }
        let accounts = try harness.opened.workspace.table("account", on: .crm)
        let first = try #require(try accounts.page(search: nil, from: .first, limit: 1).first)
        let puller = RenamingPuller(table: accounts, id: first.id)
        let model = started(harness, puller: puller)
        #expect(!frameText(model).contains("Renamed In Dataverse"))
        #expect(frameText(model).contains("CRM in Dataverse · account"))
        model.send(.key(.character("P")))
        #expect(puller.pulls == 1)
        #expect(model.state.message == "Pulled account: 0 new, 1 changed, 0 deleted.")
        #expect(frameText(model).contains("Renamed In Dataverse"))
    }

    /// Business Central carries customers, not contacts: the Contacts page's ERP pane names no service,
    /// since its rows are the local side database's, while the CRM's contacts are Dataverse's.
    @Test func aPaneNamesTheServiceOnlyForATableTheServiceCarries() throws {
        let harness = try Harness(size: Size(width: 120, height: 24))
        defer { harness.remove() }
        let model = started(harness, puller: Sides())
        #expect(model.frame.line(1).contains("ERP in Business Central · Customer") && model.frame.line(1).contains("CRM in Dataverse · account"))
        model.press(.character("2"))
        #expect(model.frame.line(1).contains("ERP · Contact") && model.frame.line(1).contains("CRM in Dataverse · contact"),
                "\(model.frame.line(1))")
    }

    @Test func withNoConnectedSideThereIsNothingToPull() throws {
        let harness = try Harness(size: Size(width: 120, height: 24))
        defer { harness.remove() }
        harness.model.send(.key(.character("P")))
        #expect(harness.state.message == "Both sides are the embedded database: there is nothing to pull.")
        #expect(!harness.state.messageIsError)
    }
}
