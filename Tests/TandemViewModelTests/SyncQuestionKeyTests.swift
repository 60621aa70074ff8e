import Testing
import TandemCore
@testable import TandemViewModel

/// The synchronize question's keys, through the reducer alone (no workspace).
@Suite struct SyncQuestionKeyTests {
    static let target = RecordTarget.records(PaneID(.customers, .erp), [RecordID("00000000-0000-4000-8000-000000000001")])

    func store() -> TestStore {
        var state = AppState(size: Size(width: 80, height: 24), workspaceName: "test")
        state.modal = .syncQuestion(SyncDialog(target: Self.target, count: 1,
                                               question: .menu(title: "Synchronize data for C00010 Adatum?",
                                                               options: [.toCRM, .fromCRM, .merge], recommended: .toCRM,
                                                               warning: nil),
                                               single: true))
        return TestStore(state)
    }

    func cursor(_ state: AppState) -> Int? {
        guard case .syncQuestion(let dialog)? = state.modal else { return nil }
        return dialog.cursor
    }

    @Test(arguments: [Key.down, .character("j")])
    func downAndJMoveTheChoiceDownAndUpMovesItBack(_ down: Key) {
        let store = store()
        #expect(cursor(store.state) == 0)
        store.send(.key(down)) { state in
            guard case .syncQuestion(var dialog)? = state.modal else { return }
            dialog.cursor = 1
            state.modal = .syncQuestion(dialog)
        }
        store.send(.key(.up)) { state in
            guard case .syncQuestion(var dialog)? = state.modal else { return }
            dialog.cursor = 0
            state.modal = .syncQuestion(dialog)
        }
        store.finish()
    }

    @Test func theHelpOfTheQuestionListsTheMovesAndEnter() {
        let keys = Bindings.bindings(in: .syncQuestion).flatMap(\.keys)
        #expect(keys.contains(.down) && keys.contains(.up) && keys.contains(.enter))
    }

    @Test func enterOnTheChoiceStartsTheRunAsAnEffect() {
        let store = store()
        guard case .syncQuestion(let dialog)? = store.state.modal else { Issue.record("no question"); return }
        store.send(.key(.enter), effects: [.synchronize(dialog, .toCRM, token: 1)]) { state in
            state.nextRunToken = 2
            state.modal = .progress(ProgressState(title: SyncDialog.label(.toCRM), total: 1, token: 1))
        }
        let result = ResultState(summary: "Synchronized 1 of 1 record.", jobID: nil, problems: [])
        // The run's end reloads both panes' first rows with their counts (the marks may have changed).
        let reloads = Side.allCases.map { side in
            Effect.loadRows(PageRequest(pane: PaneID(.customers, side), placement: .first, filter: "",
                                        limit: Reducer.pageSize(store.state), generation: 0, countTotal: true))
        }
        store.receive(.syncFinished(token: 1, result), answering: .synchronize(dialog, .toCRM, token: 1),
                      effects: reloads) { state in
            state.modal = .result(result)
        }
        for reload in reloads {
            guard case .loadRows(let request) = reload else { continue }
            store.receive(.rowsLoaded(RowsLoaded(request: request, rows: [], reachesStart: true, reachesEnd: true)),
                          answering: reload, effects: [.countRows(request)]) { state in state[request.pane].counting = true }
            store.receive(.totalCounted(request, 0), answering: .countRows(request)) { state in state[request.pane].counting = false }
        }
        store.finish()
    }
}
