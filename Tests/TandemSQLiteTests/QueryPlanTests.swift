import Foundation
import GRDB
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// The hot queries of a synchronization and of the list screens are planned on the index meant for
/// them: `EXPLAIN QUERY PLAN` of the very SQL the stores run, on a real workspace.
@Suite struct QueryPlanTests {
    /// The plan's detail lines for `sql`, with every `?` bound to a text.
    func plan(_ sql: String, in path: String) throws -> [String] {
        let marks = sql.filter { $0 == "?" }.count
        return try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql,
                             arguments: StatementArguments(Array(repeating: "x", count: marks))).map { $0["detail"] }
        }
    }

    func sampleWorkspace() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        _ = try SampleDataLoader.load(from: sampleDataFolder(), into: folder.path)
        return folder
    }

    @Test func couplingsByCRMIDsSearchTheUniqueCRMIndexNotTheMappingPrefix() throws {
        let folder = try sampleWorkspace()
        defer { folder.remove() }
        let details = try plan(SQLiteWorkspaceStore.couplingsSQL(side: .crm, count: 900),
                               in: folder.file(SQLiteWorkspace.workspaceFileName))
        #expect(details == ["SEARCH couplings USING INDEX \(SQLiteWorkspaceStore.crmIndex) (mapping=? AND crm_id=?)"])
    }

    @Test func couplingsByERPIDsSearchThePrimaryKey() throws {
        let folder = try sampleWorkspace()
        defer { folder.remove() }
        let details = try plan(SQLiteWorkspaceStore.couplingsSQL(side: .erp, count: 900),
                               in: folder.file(SQLiteWorkspace.workspaceFileName))
        #expect(details == ["SEARCH couplings USING PRIMARY KEY (mapping=? AND erp_id=?)"])
    }

    @Test func theCRMIndexIsTheUniqueConstraintsIndex() throws {
        let folder = try sampleWorkspace()
        defer { folder.remove() }
        let columns = try DatabaseQueue(path: folder.file(SQLiteWorkspace.workspaceFileName)).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno",
                                arguments: [SQLiteWorkspaceStore.crmIndex])
        }
        #expect(columns == ["mapping", "crm_id"])
    }

    @Test(arguments: [(Side.erp, "Customer"), (Side.crm, "account")])
    func recordsByIDSearchThePrimaryKey(side: Side, table: String) throws {
        let folder = try sampleWorkspace()
        defer { folder.remove() }
        let source = try SQLiteWorkspace.open(at: folder.path, access: .reading).table(table, on: side)
        let file = side == .erp ? SQLiteWorkspace.erpFileName : SQLiteWorkspace.crmFileName
        #expect(try plan(source.recordsSQL(count: 900), in: folder.file(file)) == ["SEARCH \(table) USING PRIMARY KEY (id=?)"])
    }

    @Test(arguments: [(Side.erp, "Customer"), (Side.crm, "account")])
    func changedRecordsAreARangeOnTheVersionIndex(side: Side, table: String) throws {
        let folder = try sampleWorkspace()
        defer { folder.remove() }
        let source = try SQLiteWorkspace.open(at: folder.path, access: .reading).table(table, on: side)
        let file = folder.file(side == .erp ? SQLiteWorkspace.erpFileName : SQLiteWorkspace.crmFileName)
        #expect(try plan(source.versionsSQL, in: file) == ["SEARCH \(table) USING COVERING INDEX \(table)_by_version (modifiedAt>?)"])
    }

    @Test func unsettledCouplingsAreReadThroughTheirPartialIndexes() throws {
        let folder = try sampleWorkspace()
        defer { folder.remove() }
        let path = folder.file(SQLiteWorkspace.workspaceFileName)
        #expect(try SQLiteWorkspaceStore.unsettledSQL.map { try plan($0, in: path) }
                == [["SEARCH couplings USING INDEX couplings_unsynced (mapping=?)"],
                    ["SEARCH couplings USING INDEX couplings_problems (mapping=?)"]])
    }
}
