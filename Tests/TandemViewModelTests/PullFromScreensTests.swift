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

    @Test func pullingBringsTheServicesChangesOntoTheList() throws {
        let harness = try Harness(size: Size(width: 120, height: 24))
        defer { harness.remove() }
        let accounts = try harness.opened.workspace.table("account", on: .crm)
        let first = try #require(try accounts.page(search: nil, from: .first, limit: 1).first)
        let puller = RenamingPuller(table: accounts, id: first.id)
        let model = ViewModel.immediate(workspace: harness.opened.workspace, size: Size(width: 120, height: 24),
                                        workspaceName: "sample", timeZone: Harness.zone, puller: puller)
        model.send(.start)
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
        struct Sides: SidePuller {
            var connectedServices: [Side: ConnectedSide] {
                [.erp: ConnectedSide(service: "Business Central", tables: ["Customer"]),
                 .crm: ConnectedSide(service: "Dataverse", tables: ["account", "contact"])]
            }
            func secondsWaited() -> [String: Double] { [:] }
            func pullConnectedSides() throws -> [PulledTable] { [] }
        }
        let harness = try Harness(size: Size(width: 120, height: 24))
        defer { harness.remove() }
        let model = ViewModel.immediate(workspace: harness.opened.workspace, size: Size(width: 120, height: 24),
                                        workspaceName: "sample", timeZone: Harness.zone, puller: Sides())
        model.send(.start)
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
