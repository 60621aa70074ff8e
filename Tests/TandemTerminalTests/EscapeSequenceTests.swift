import Foundation
import Testing
import TandemViewModel
@testable import TandemTerminal

@Suite struct EscapeSequenceTests {
    func keys(_ text: String) -> [Key] {
        text.map { $0 == "\u{1B}" ? .escape : .character($0) }
    }

    @Test func xtermSequencesTerminfoDidNotKnowBecomeKeys() {
        #expect(EscapeSequences.fold(keys("\u{1B}[1;2B\u{1B}[1;2A")) == [.shiftDown, .shiftUp])
        #expect(EscapeSequences.fold(keys("\u{1B}[A\u{1B}OB\u{1B}[5~\u{1B}[6~\u{1B}[H\u{1B}[4~\u{1B}[3~")) ==
                [.up, .down, .pageUp, .pageDown, .home, .end, .delete])
        // A modifier other than Shift still moves; an unknown sequence does nothing.
        #expect(EscapeSequences.fold(keys("\u{1B}[1;5B\u{1B}[200~x")) == [.down, .character("x")])
    }

    @Test func anEscapeOnItsOwnStaysEscape() {
        #expect(EscapeSequences.fold([.escape]) == [.escape])
        #expect(EscapeSequences.fold([.escape, .character("q")]) == [.escape, .character("q")])
        #expect(EscapeSequences.fold(keys("12")) == [.character("1"), .character("2")])
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.available)) struct OtherTerminalsTests {
    /// Under TERM=screen (whose terminfo has no Shift-arrow keys) Shift-↓ still extends the selection
    /// instead of switching pages with its `1` and `2`.
    @Test(arguments: ["screen", "linux", "vt100"])
    func shiftArrowsWorkWhateverTerminfoSays(_ term: String) throws {
        let session = try TmuxSession(term: term)
        try session.type("'\(TmuxSession.binary)'")
        try session.press("Enter")
        let (started, first) = session.wait { $0.contains("160") && $0.contains("170") }
        try #require(started, "no list under \(term):\n\(first)")
        try session.press("Down", "Space")
        #expect(session.wait(for: "1 selected").0)
        try session.press("S-Down", "S-Down")
        let (extended, screen) = session.wait(for: "4 selected")
        #expect(extended && screen.contains("Customers"), "under \(term):\n\(screen)")
        try session.press("q")
    }
}
