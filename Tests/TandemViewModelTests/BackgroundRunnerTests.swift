import Foundation
import Testing
import TandemCore
import TandemSQLite
import TandemViewModel
import TandemTestSupport

@Suite struct BackgroundRunnerTests {
    /// Pumps the runner's actions into the model until `done` holds, sleeping until the runner wakes
    /// it (never on a timer); false if that did not happen within the deadline.
    func pump(_ model: ViewModel, _ runner: BackgroundRunner, _ woken: DispatchSemaphore, until done: () -> Bool) -> Bool {
        let deadline = DispatchTime.now() + .seconds(20)
        while true {
            model.pump(runner)
            if done() { return true }
            if woken.wait(timeout: deadline) == .timedOut { return false }
        }
    }

    @Test func effectsRunOffTheCallingThreadAndArriveThroughPump() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let woken = DispatchSemaphore(value: 0)
        let runner = BackgroundRunner(workspace: harness.opened.workspace, wake: { woken.signal() })
        let model = ViewModel.background(runner: runner, size: Size(width: 80, height: 24), workspaceName: "sample")
        model.send(.start)
        #expect(model.state.currentPage.erp.loading)
        #expect(model.state.currentPage.erp.rows.isEmpty)
        #expect(pump(model, runner, woken) { !runner.isBusy && !model.state.currentPage.erp.rows.isEmpty })
        #expect(model.state.currentPage.erp.total == 160 && !model.state.currentPage.erp.loading)
        // Keys pressed while a load is out are not lost: the move waits and is applied after.
        model.send(.key(.pageDown))
        model.send(.key(.pageDown))
        model.send(.key(.pageDown))
        #expect(pump(model, runner, woken) { !runner.isBusy })
        #expect(model.state.currentPage.erp.cursor >= 57)

        // Typing ahead: a filter and Enter Enter before the filtered rows arrive opens the card of
        // the row the filter finds, not of the row that was under the cursor before.
        for key: Key in [.home, .character("/"), .character("C"), .character("0"), .character("1"), .character("6"),
                         .character("0"), .character("0"), .enter, .enter] {
            model.send(.key(key))
        }
        #expect(pump(model, runner, woken) { !runner.isBusy && !model.state.screens.isEmpty })
        guard case .card(let card)? = model.state.screens.last else { Issue.record("no card"); return }
        #expect(card.record?["No."] == "C01600")
    }

    /// The screens open with both panes' rows before either count: counting a million rows must not
    /// keep the second pane empty. The runner's ordered queue performs the effects in the order shown.
    @Test func bothFirstPagesArePerformedBeforeEitherCount() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let performed = LockedBox<[String]>([])
        let effects = WorkspaceEffects(workspace: harness.opened.workspace)
        let woken = DispatchSemaphore(value: 0)
        let runner = BackgroundRunner(wake: { woken.signal() }) { effect, deliver in
            switch effect {
            case .loadRows(let request): performed.update { $0.append("rows \(request.pane.side)") }
            case .countRows(let request): performed.update { $0.append("count \(request.pane.side)") }
            default: break
            }
            effects.perform(effect, deliver: deliver)
        }
        let model = ViewModel.background(runner: runner, size: Size(width: 80, height: 24), workspaceName: "sample")
        model.send(.start)
        #expect(pump(model, runner, woken) { !runner.isBusy })
        #expect(performed.value == ["rows erp", "rows crm", "count erp", "count crm"])
        #expect(model.state.currentPage.erp.total == 160)
    }
}
