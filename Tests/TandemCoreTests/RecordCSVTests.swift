import Testing
@testable import TandemCore

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
