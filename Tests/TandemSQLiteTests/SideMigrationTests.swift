import Foundation
import GRDB
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// The side databases' migrations are frozen SQL. The tables they create must still be the tables the
/// standard schemas describe: a field added to a schema without a migration that adds its column fails
/// here, not in a customer's workspace.
@Suite struct SideMigrationTests {
    @Test(arguments: Side.allCases)
    func theMigratedTablesHaveEveryColumnAndIndexOfTheirSchema(_ side: Side) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try SQLiteWorkspace.create(at: folder.path)
        let path = folder.file(side == .erp ? SQLiteWorkspace.erpFileName : SQLiteWorkspace.crmFileName)
        var configuration = Configuration()
        configuration.readonly = true
        try DatabaseQueue(path: path, configuration: configuration).read { db in
            for schema in StandardTables.tables(on: side) {
                let columns = try db.columns(in: schema.name).map(\.name)
                #expect(columns == ["id", "modifiedAt", "sort_key"] + schema.fieldNames, "\(schema.name)")
                let indexes = Set(try db.indexes(on: schema.name).map(\.name))
                var expected: Set<String> = ["\(schema.name)_by_name"]
                if schema.numberField != nil { expected.insert("\(schema.name)_by_number") }
                #expect(expected.isSubset(of: indexes), "\(schema.name): \(indexes)")
            }
        }
    }
}
