import Testing
import TandemCore
import TandemSQLite
import TandemViewModel

@Suite struct RunCancellationTests {
    @Test func escStopsARunBetweenBatches() throws {
        let harness = try Harness(generated: 1_200)
        defer { harness.remove() }
        let effects = WorkspaceEffects(workspace: harness.opened.workspace)
        let pane = PaneID(.customers, .erp)
        let ids = try harness.opened.workspace.store.couplings(mapping: "CUSTOMER", after: nil, limit: 2_000).map(\.erpID)
        let dialog = SyncDialog(target: .records(pane, ids), count: ids.count,
                                question: .menu(title: "", options: [.toCRM, .fromCRM], recommended: .toCRM, warning: nil),
                                single: false)
        var actions: [Action] = []
        effects.perform(.synchronize(dialog, .toCRM, token: 7)) { action in
            actions.append(action)
            if case .syncProgress = action { effects.perform(.cancelRun(token: 7)) { _ in } }
        }
        guard case .syncFinished(7, let result)? = actions.last else { Issue.record("no result"); return }
        #expect(result.summary.hasSuffix("Cancelled before the end."))
        #expect(actions.filter { if case .syncProgress = $0 { true } else { false } }.count == 1)
    }
}
