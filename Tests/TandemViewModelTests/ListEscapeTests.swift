import Testing
import TandemCore
@testable import TandemViewModel

@Suite struct ListEscapeTests {
    @Test func escapeEndsRangeModeThenClearsTheFilter() throws {
        let harness = try Harness()
        defer { harness.remove() }
        harness.model.press(.character("/"))
        harness.model.type("adatum")
        harness.model.press(.enter)
        let pane = PaneID(harness.state.page, .erp)
        #expect(harness.state[pane].filter == "adatum" && harness.state[pane].total < 10)
        harness.model.press(.character("v"))
        #expect(harness.state[pane].rangeMode)
        harness.model.press(.escape)
        #expect(!harness.state[pane].rangeMode && harness.state[pane].filter == "adatum")
        harness.model.press(.escape)
        #expect(harness.state[pane].filter.isEmpty && harness.state[pane].total == 160)
        harness.model.press(.escape)
        #expect(harness.state.modal == nil && !harness.state.quitRequested)
    }
}
