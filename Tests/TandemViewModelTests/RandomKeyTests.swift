import Testing
import TandemCore
import TandemViewModel

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
