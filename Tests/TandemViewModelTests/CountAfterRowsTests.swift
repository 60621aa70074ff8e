import Testing
import TandemCore
@testable import TandemViewModel

/// A pane's rows are shown before its total is counted (a count is a scan of the table): the count
/// is asked for only once the rows are in, so on the terminal's ordered queue both panes' first pages
/// come before either count. The title shows "…" until the count arrives, and a count for a filter
/// that has since changed is ignored.
@Suite struct CountAfterRowsTests {
    func firstRows(_ state: AppState, _ side: Side) -> PageRequest {
        PageRequest(pane: PaneID(.customers, side), placement: .first, filter: "", limit: Reducer.pageSize(state),
                    generation: 0, countTotal: true)
    }

    @Test func theRowsArriveFirstAndTheTitleShowsAnEllipsisUntilTheCount() {
        let store = TestStore()
        let requests = Side.allCases.map { firstRows(store.state, $0) }
        store.send(.start, effects: requests.map(Effect.loadRows)) { state in
            state.currentPage.started = true
            state.currentPage.erp.loading = true
            state.currentPage.crm.loading = true
        }
        for request in requests {
            store.receive(.rowsLoaded(RowsLoaded(request: request, rows: [], reachesStart: true, reachesEnd: true)),
                          answering: .loadRows(request), effects: [.countRows(request)]) { state in
                state[request.pane].loading = false
                state[request.pane].counting = true
            }
        }
        let painted = Renderer.render(store.state)
        #expect(painted.line(1).contains("ERP · Customer · …") && painted.line(1).contains("CRM · account · …"))
        #expect(painted.line(22).contains("… customers"))

        for (request, total) in zip(requests, [160, 170]) {
            store.receive(.totalCounted(request, total), answering: .countRows(request)) { state in
                state[request.pane].total = total
                state[request.pane].counting = false
            }
        }
        let counted = Renderer.render(store.state)
        #expect(counted.line(1).contains("ERP · Customer · 160") && counted.line(1).contains("CRM · account · 170"))
        store.finish()
    }

    @Test func aCountForAnOlderFilterIsIgnored() {
        var state = AppState(size: Size(width: 80, height: 24), workspaceName: "test")
        state.currentPage.erp.total = 160
        state.currentPage.erp.generation = 1
        let store = TestStore(state)
        store.send(.totalCounted(firstRows(state, .erp), 3))
        store.finish()
    }
}
