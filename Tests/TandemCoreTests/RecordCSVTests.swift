import Testing
@testable import TandemCore
import TandemTestSupport

@Suite struct TimestampTests {
    @Test func formatsAndParsesISO8601InUTC() throws {
        let stamp = try #require(Timestamp(iso8601: "2026-11-20T09:15:00.250Z"))
        #expect(stamp.iso8601 == "2026-11-20T09:15:00.250Z")
        #expect(Timestamp(iso8601: "1970-01-01T00:00:00Z")?.milliseconds == 0)
        #expect(Timestamp(iso8601: "2024-02-29T12:00:00+00:00") != nil)
        #expect(Timestamp(iso8601: "1969-12-31T23:59:59.999Z")?.iso8601 == "1969-12-31T23:59:59.999Z")
    }

    @Test(arguments: ["2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-20T24:00:00Z",
                      "2026-11-20", "20.11.2026 09:00", "2026-11-20T09:00:00+01:00", "2026-11-20T09:00:00.Z", ""])
    func refusesWhatIsNotAUTCDateTime(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func valuesUnderTenMillisecondsApartCountAsEqual() {
        let base = Timestamp(milliseconds: 1_000_000)
        #expect(!base.adding(milliseconds: 9).isLater(than: base))
        #expect(base.adding(milliseconds: 10).isLater(than: base))
        #expect(!base.isLater(than: base.adding(milliseconds: 50)))
    }
}

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

@Suite struct RecordCSVTests {
    let schema = StandardTables.customer
    let id1 = "11111111-1111-4111-8111-111111111111", id2 = "22222222-2222-4222-8222-222222222222"

    func records(_ text: String) throws -> [Record] {
        try RecordCSV.records(from: CSV.parse(Array(text.utf8), file: "customers.csv"), schema: schema)
    }

    @Test func readsRecordsWithTheirTimestamps() throws {
        let result = try records("id,modifiedAt,No.,Name\n\(id1),2026-11-20T09:00:00.000Z,C00010,Adatum\n")
        #expect(result.count == 1)
        let firstResult = try #require(result.first)
        #expect(firstResult.id == RecordID(id1))
        #expect(firstResult["Name"] == "Adatum")
        #expect(firstResult.modifiedAt.iso8601 == "2026-11-20T09:00:00.000Z")
    }

    @Test func aMissingValueNamesLineAndField() {
        #expect(throws: CSVError(file: "customers.csv", line: 3, field: "Name",
                                 message: "the row has 3 values for 4 columns; this one is missing")) {
            try records("id,modifiedAt,No.,Name\n\(id1),2026-11-20T09:00:00Z,C1,A\n\(id2),2026-11-20T09:00:00Z,C2\n")
        }
    }

    @Test func anExtraValueNamesTheLine() throws {
        let error = try #require(throws: CSVError.self) {
            try records("id,modifiedAt,No.,Name\n\(id1),2026-11-20T09:00:00Z,C1,A,surplus\n")
        }
        #expect(error.line == 2)
        #expect(error.message.contains("extra value"))
    }

    @Test func aBadDateNamesLineAndField() throws {
        let error = try #require(throws: CSVError.self) {
            try records("id,modifiedAt,No.,Name\n\(id1),2026-02-30T09:00:00Z,C1,A\n")
        }
        #expect(error.line == 2)
        #expect(error.field == "modifiedAt")
    }

    @Test func duplicateIDsAndNumbersNameBothLines() throws {
        let idError = try #require(throws: CSVError.self) {
            try records("id,modifiedAt,No.,Name\n\(id1),2026-11-20T09:00:00Z,C1,A\n\(id1),2026-11-20T09:00:00Z,C2,B\n")
        }
        #expect(idError.line == 3 && idError.field == "id" && idError.message.contains("first on line 2"))
        let numberError = try #require(throws: CSVError.self) {
            try records("id,modifiedAt,No.,Name\n\(id1),2026-11-20T09:00:00Z,C1,A\n\(id2),2026-11-20T09:00:00Z,C1,B\n")
        }
        #expect(numberError.line == 3 && numberError.field == "No.")
    }

    @Test func unknownColumnsAndNonNumericDecimalsAreRefused() throws {
        let column = try #require(throws: CSVError.self) { try records("id,modifiedAt,No.,Colour\n") }
        #expect(column.field == "Colour" && column.line == 1)
        let decimal = try #require(throws: CSVError.self) {
            try records("id,modifiedAt,No.,Credit Limit\n\(id1),2026-11-20T09:00:00Z,C1,12abc\n")
        }
        #expect(decimal.field == "Credit Limit")
    }
}
