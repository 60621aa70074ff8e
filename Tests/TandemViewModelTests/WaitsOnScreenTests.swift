import Foundation
import Testing
import TandemCore
import TandemViewModel

/// A synchronization that a service makes wait says so on the screen: the progress dialog shows the
/// seconds waited so far, and the result says how long the run waited in all.
@Suite struct WaitsOnScreenTests {
    /// A connected CRM whose service makes every look at the clock three seconds later.
    final class ThrottledPuller: SidePuller, @unchecked Sendable {
        private let lock = NSLock()
        private var waited = 0.0
        var connectedServices: [Side: ConnectedSide] { [.crm: ConnectedSide(service: "Dataverse", tables: ["account", "contact"])] }
        func secondsWaited() -> [String: Double] {
            lock.withLock {
                defer { waited += 3 }
                return ["Dataverse": waited]
            }
        }
        func pullConnectedSides() throws -> [PulledTable] { [] }
    }

    @Test func progressCarriesTheSecondsWaitedAndTheResultTheirTotal() throws {
        let harness = try Harness(generated: 1_200)
        defer { harness.remove() }
        let effects = WorkspaceEffects(workspace: harness.opened.workspace, puller: ThrottledPuller())
        let ids = try harness.opened.workspace.store.couplings(mapping: "CUSTOMER", after: nil, limit: 2_000).map(\.erpID)
        let dialog = SyncDialog(target: .records(PaneID(.customers, .erp), ids), count: ids.count,
                                question: .menu(title: "", options: [.toCRM, .fromCRM], recommended: .toCRM, warning: nil),
                                single: false)
        var actions: [Action] = []
        effects.perform(.synchronize(dialog, .toCRM, token: 3)) { actions.append($0) }
        let waits = actions.compactMap { action -> Double? in
            if case .syncProgress(_, _, _, let waited) = action { return waited["Dataverse"] }
            return nil
        }
        #expect(!waits.isEmpty && waits == waits.sorted() && (waits.last ?? 0) >= 3, "\(waits)")
        guard case .syncFinished(3, let result)? = actions.last else { Issue.record("no result"); return }
        #expect(result.note?.contains("s for Dataverse (throttling, a busy service or lost answers).") == true, "\(result.note ?? "")")
    }

    @Test func theProgressDialogShowsTheWait() throws {
        let harness = try Harness(generated: 50, size: Size(width: 100, height: 24))
        defer { harness.remove() }
        harness.model.send(.start)
        var state = harness.model.state
        state.modal = .progress(ProgressState(title: "Synchronize", total: 50, token: 9))
        let model = ViewModel(state: state) { _, _ in }
        model.send(.syncProgress(token: 9, done: 20, total: 50, waited: ["Dataverse": 42]))
        #expect(model.frame.lines.joined(separator: "\n").contains("20 of 50 records · waited 42 s for Dataverse"))
    }
}
