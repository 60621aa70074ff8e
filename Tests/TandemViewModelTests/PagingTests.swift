import Testing
import TandemCore
import TandemViewModel

@Suite struct PagingTests {
    @Test func aLongListIsWalkedByKeyWithABoundedWindow() throws {
        let harness = try Harness(generated: 2_000)
        defer { harness.remove() }
        var keys: [ListKey] = []
        var previousID: RecordID?
        for _ in 0..<3_000 {
            let row = try #require(harness.pane(.erp).currentRow)
            if row.id != previousID { keys.append(row.key) }
            previousID = row.id
            #expect(harness.pane(.erp).rows.count <= PaneState.capacity)
            harness.model.press(.pageDown)
        }
        // Every page-down lands a whole page further, then the last row: nothing skipped, nothing twice.
        let step = harness.state.visibleRows
        #expect(keys.count == 1_999 / step + 1 + (1_999 % step == 0 ? 0 : 1))
        #expect(zip(keys, keys.dropFirst()).allSatisfy { ListKey.sortsBefore($0, $1) })
        // End is the last row by key, Home the first; and walking back up is continuous too.
        harness.model.press(.end)
        let last = try #require(try harness.opened.table("Customer", on: .erp).page(search: nil, from: .last, limit: 1).first)
        #expect(harness.pane(.erp).currentRow?.id == last.id)
        var upward: [ListKey] = []
        for _ in 0..<400 {
            if let row = harness.pane(.erp).currentRow, upward.last != row.key { upward.append(row.key) }
            harness.model.press(.up)
        }
        #expect(upward.count == 400)
        #expect(zip(upward, upward.dropFirst()).allSatisfy { ListKey.sortsBefore($1, $0) })
        harness.model.press(.home)
        let first = try #require(try harness.opened.table("Customer", on: .erp).page(search: nil, from: .first, limit: 1).first)
        #expect(harness.pane(.erp).currentRow?.id == first.id)
        #expect(harness.pane(.erp).atStart)
    }
}
