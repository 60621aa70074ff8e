import GRDB
import Testing
@testable import TandemSQLite

/// Rows outside the hot path are read by column name: the order a statement selects them in does not
/// matter, and a column the statement left out is a named error, not a trap or a neighbour's value.
@Suite struct StoredRowByNameTests {
    @Test func aColumnIsFoundByNameWhateverItsPosition() throws {
        try DatabaseQueue().read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT 'on' AS value, 'kind' AS key, 7 AS Count"))
            let stored = StoredRow(row, path: "memory", table: "tandem_meta")
            #expect(try stored.text("key") == "kind" && stored.text("value") == "on" && stored.int("count") == 7)
            #expect(throws: StoredDataError.badValue(path: "memory", table: "tandem_meta", row: "on", column: "owner",
                                                     found: "no such column")) {
                try stored.optionalText("owner")
            }
        }
    }
}
