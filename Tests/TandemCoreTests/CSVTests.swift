import Testing
@testable import TandemCore
import TandemTestSupport

@Suite struct CSVTests {
    func parse(_ text: String) throws -> CSVTable { try CSV.parse(Array(text.utf8), file: "t.csv") }

    @Test func parsesQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let table = try parse("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\r\n3,,\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.values) == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "", ""]])
        #expect(table.rows.map(\.line) == [2, 3, 5])
    }

    @Test func encodeThenParseIsExactForHostileText() throws {
        // "\r\n" and a quote or space followed by a combining mark are single characters: quoting must see their scalars.
        let hostile = ["plain", "comma, inside", "quote \" inside", "new\nline", "carriage\rreturn", " padded ", "\u{1B}[31mred", "日本語",
                       "crlf\r\nline", "a\"\u{301}quote with a mark", " \u{301}leading mark"] + HostileStrings.all
        let text = CSV.encode(header: hostile.indices.map { "c\($0)" }, rows: [hostile])
        #expect(try parse(text).rows.first?.values == hostile)
    }

    @Test func namesTheLineOfTextThatIsNotUTF8() {
        var bytes = Array("a,b\n1,2\n".utf8)
        bytes += [0x33, 0x2C, 0xFF, 0xFE, 0x0A]
        #expect(throws: CSVError(file: "t.csv", line: 3, message: "the text is not UTF-8; save the file as UTF-8")) {
            try CSV.parse(bytes, file: "t.csv")
        }
    }

    @Test func refusesAnUnclosedQuoteNamingItsLine() {
        #expect(throws: CSVError(file: "t.csv", line: 2, message: "a quoted field is never closed")) {
            try parse("a,b\n1,\"open\n")
        }
    }
}
