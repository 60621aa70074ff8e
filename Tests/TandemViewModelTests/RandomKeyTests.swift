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

@Suite struct RandomKeyTests {
    /// A small deterministic generator, so a failure can be replayed from its seed.
    struct Dice {
        var state: UInt64
        mutating func roll(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let keys: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end, .shiftUp, .shiftDown, .space, .tab, .enter,
                              .escape, .backspace, .character("j"), .character("k"), .character("g"), .character("G"),
                              .character("v"), .character("a"), .character("A"), .character("/"), .character("1"),
                              .character("2"), .character("]"), .character("["), .character("?"), .character("x"),
                              .character("é"), .character("7"), .function(1)]

    @Test(arguments: [UInt64(1), 42, 2026])
    func thousandsOfRandomKeysKeepTheInvariants(seed: UInt64) throws {
        let harness = try Harness()
        defer { harness.remove() }
        var dice = Dice(state: seed)
        for step in 0..<2_000 {
            let key = Self.keys[dice.roll(Self.keys.count)]
            harness.model.send(.key(key))
            if harness.state.quitRequested { break }
            if step % 7 == 0 { harness.model.send(.resize(Size(width: 50 + dice.roll(80), height: 12 + dice.roll(30)))) }
            let state = harness.state
            for page in PageKind.standard {
                for side in Side.allCases {
                    let pane = state.pages[page]![side]
                    #expect(pane.rows.isEmpty || pane.rows.indices.contains(pane.cursor), "seed \(seed) step \(step)")
                    #expect(pane.scroll >= 0 && pane.scroll <= max(0, pane.rows.count - 1), "seed \(seed) step \(step)")
                    #expect(pane.rows.count <= PaneState.capacity)
                    #expect(pane.selection.count(of: pane.total) <= pane.total)
                }
            }
            let frame = harness.model.frame
            #expect(frame.cells.count == state.size.width * state.size.height)
        }
        // Selections only ever hold rows that exist.
        for page in PageKind.standard {
            for side in Side.allCases {
                let pane = harness.state.pages[page]![side]
                let table = try harness.opened.workspace.table(harness.state.schema(pane.id).name, on: side)
                let ids = Array(pane.selection.toggled)
                #expect(try table.records(ids: ids).count == ids.count)
            }
        }
    }
}

@Suite struct RefreshTests {
    func counts(_ effects: [Effect]) -> [Bool] {
        effects.compactMap { if case .loadRows(let request) = $0 { request.countTotal } else { nil } }
    }

    @Test func aWriteRecountsOnlyWhenRecordsCameOrWentOrAFilterIsOn() {
        var state = AppState(size: Size(width: 80, height: 24), workspaceName: "w")
        #expect(counts(Reducer.reduce(&state, .written(message: "City saved."))) == [false, false])
        #expect(counts(Reducer.reduce(&state, .written(message: "Created.", countsChanged: true))) == [true, true])
        state.pages[.customers]?.erp.filter = "ber"
        #expect(counts(Reducer.reduce(&state, .written(message: "City saved."))) == [true, false])
    }
}
