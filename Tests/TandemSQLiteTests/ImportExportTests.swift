import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

@Suite struct ImportExportTests {
    let header = "id,modifiedAt,No.,Name,City\n"

    func empty() throws -> (SQLiteWorkspace, TemporaryFolder) {
        let folder = TemporaryFolder()
        return (try SQLiteWorkspace.create(at: folder.path), folder)
    }

    @Test func exportThenImportIntoAnEmptyWorkspaceGivesTheSameRecords() throws {
        let (source, sourceFolder) = try { let folder = TemporaryFolder(); return (try SampleDataLoader.load(from: sampleDataFolder(), into: folder.path).0, folder) }()
        let (target, targetFolder) = try empty()
        defer { sourceFolder.remove(); targetFolder.remove() }
        for schema in StandardTables.tables(on: .erp) + StandardTables.tables(on: .crm) {
            let file = targetFolder.file("\(schema.side.rawValue)-\(schema.name).csv")
            let exported = try RecordImporter.exportFile(file, from: source.table(schema.name, on: schema.side), protecting: [])
            let imported = try RecordImporter.importFile(file, into: target.table(schema.name, on: schema.side))
            #expect(imported.added == exported && imported.updated == 0 && imported.ignoredColumns.isEmpty)
            let before = try source.table(schema.name, on: schema.side).scan(after: nil, limit: 10_000)
            let after = try target.table(schema.name, on: schema.side).scan(after: nil, limit: 10_000)
            #expect(before == after)
        }
    }

    @Test func aBadRowImportsNothingAndNamesFileLineAndField() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let table = try opened.table("Customer", on: .erp)
        let good = "11111111-1111-4111-8111-111111111111,2026-11-20T09:00:00Z,C00010,Adatum,Berlin\n"
        let cases: [(String, Int, String?)] = [
            (header + good + "22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,C00020,Contoso\n", 3, "City"),
            (header + good + "22222222-2222-4222-8222-222222222222,2026-13-20T09:00:00Z,C00020,Contoso,Paris\n", 3, "modifiedAt"),
            (header + good + "11111111-1111-4111-8111-111111111111,2026-11-20T09:00:00Z,C00030,Dup,Rome\n", 3, "id"),
        ]
        for (text, line, field) in cases {
            let file = try folder.write("customers.csv", text)
            let error = try #require(throws: CSVError.self) { try RecordImporter.importFile(file, into: table) }
            #expect(error.file == file && error.line == line && error.field == field)
            #expect(try table.count(search: nil) == 0)
        }
        var bytes = Array((header + good).utf8)
        bytes += Array("22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,C00020,M".utf8) + [0xFC] + Array("ller,Köln\n".utf8)
        let latin1 = try folder.write("latin1.csv", bytes: bytes)
        let encoding = try #require(throws: CSVError.self) { try RecordImporter.importFile(latin1, into: table) }
        #expect(encoding.line == 3 && encoding.message.contains("UTF-8"))
        #expect(try table.count(search: nil) == 0)
    }

    @Test func aKeyAlreadyInTheTableIsADuplicate() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let table = try opened.table("Customer", on: .erp)
        let first = try folder.write("a.csv", header + "11111111-1111-4111-8111-111111111111,2026-11-20T09:00:00Z,C00010,Adatum,Berlin\n")
        #expect(try RecordImporter.importFile(first, into: table).added == 1)
        let second = try folder.write("b.csv", header + "22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,C00020,Contoso,Paris\n"
                                    + "33333333-3333-4333-8333-333333333333,2026-11-20T09:00:00Z,C00010,Again,Rome\n")
        let error = try #require(throws: CSVError.self) { try RecordImporter.importFile(second, into: table) }
        #expect(error.line == 3 && error.field == "No." && error.message.contains("already in the workspace"))
        #expect(try table.count(search: nil) == 1)
    }
}
