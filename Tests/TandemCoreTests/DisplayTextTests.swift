import Foundation
import Testing
import TandemCore
import TandemTestSupport

struct DisplayTextTests {
    @Test func theCorpusIsLargeAndCoversEveryControl() {
        #expect(HostileStrings.all.count >= 150)
        let scalars = Set(HostileStrings.all.flatMap { $0.unicodeScalars.map(\.value) })
        let required = Array(0x00...0x1F) + Array(0x7F...0x9F) + [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
                                                                    0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
        #expect(required.filter { !scalars.contains(UInt32($0)) } == [])
    }

    @Test func sanitisedRecordTextHoldsNothingATerminalActsOnNotEvenALineBreak() {
        for text in HostileStrings.all {
            let shown = DisplayText.sanitized(text)
            #expect(HostileStrings.terminalHazards(in: Array(shown.utf8)) == [], "\(shown.debugDescription)")
            #expect(!shown.contains("\n") && !shown.contains("\t"), "\(shown.debugDescription)")
        }
        #expect(DisplayText.sanitized("a\u{1B}]0;x\u{07}\nb\u{9B}c\u{202E}d\u{7F}") == "a␛]0;x␇␊b\u{FFFD}c\u{FFFD}d␡")
    }

    @Test func programLayoutKeepsItsLineBreaksAndTabsAndNothingElse() {
        for text in HostileStrings.all {
            let shown = DisplayText.sanitizedKeepingLayout("title\n\t" + text + "\nend")
            #expect(HostileStrings.terminalHazards(in: Array(shown.utf8)) == [], "\(shown.debugDescription)")
            #expect(shown.hasPrefix("title\n\t") && shown.hasSuffix("\nend"))
        }
        #expect(DisplayText.sanitizedKeepingLayout("a\tb\nc\r\u{1B}[2J") == "a\tb\nc␍␛[2J")
    }

    @Test func jsonEscapesEveryControlAndBidiCharacterAndStillDecodesToTheSameText() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = DisplayText.escapingControlsInJSON(String(decoding: try encoder.encode(["values": HostileStrings.all]),
                                                             as: UTF8.self))
        #expect(HostileStrings.terminalHazards(in: Array(json.utf8)) == [])
        #expect(json.contains("\\u009B") && json.contains("\\u202E") && json.contains("\\u007F"))
        let decoded = try JSONDecoder().decode([String: [String]].self, from: Data(json.utf8))
        #expect(decoded["values"] == HostileStrings.all)
        #expect(DisplayText.escapingControlsInJSON("{\"a\":\"é😀\"}") == "{\"a\":\"é😀\"}")
    }
}
