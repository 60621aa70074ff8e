import Foundation
import Testing
import TandemCore
import TandemSQLite
import TandemTestSupport

@Suite struct FieldLengthImportTests {
    func empty() throws -> (SQLiteWorkspace, TemporaryFolder) {
        let folder = TemporaryFolder()
        return (try SQLiteWorkspace.create(at: folder.path), folder)
    }

    /// One customer row per hostile string, each field cut to what the field holds.
    func hostileCustomers() -> String {
        let schema = StandardTables.customer
        let columns = schema.fields.filter { $0.kind == .text && $0.name != "No." }
        var rows: [[String]] = []
        for (index, text) in HostileStrings.withoutNUL.enumerated() {
            let id = String(format: "%08x-0000-4000-8000-%012x", index, index)
            rows.append([id, "2026-11-20T09:00:00.000Z", "H\(index)"] + columns.map { HostileStrings.prefix(text, maxLength: $0.maxLength) })
        }
        return CSV.encode(header: ["id", "modifiedAt", "No."] + columns.map(\.name), rows: rows)
    }

    @Test func hostileTextThatFitsImportsExactlyAndExportsBackTheSame() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let table = try opened.table("Customer", on: .erp)
        let file = try folder.write("hostile.csv", hostileCustomers())
        #expect(try RecordImporter.importFile(file, into: table).added == HostileStrings.withoutNUL.count)
        let names = Set(try table.scan(after: nil, limit: 10_000, fields: nil).map { $0["Name"] })
        let expected = Set(HostileStrings.withoutNUL.map { HostileStrings.prefix($0, maxLength: 100) })
        #expect(names == expected)
        let (again, againFolder) = try empty()
        defer { againFolder.remove() }
        let exported = folder.file("exported.csv"), reexported = folder.file("reexported.csv")
        try RecordImporter.exportFile(exported, from: table, protecting: [])
        try RecordImporter.importFile(exported, into: again.table("Customer", on: .erp))
        try RecordImporter.exportFile(reexported, from: again.table("Customer", on: .erp), protecting: [])
        #expect(try Data(contentsOf: URL(fileURLWithPath: exported)) == Data(contentsOf: URL(fileURLWithPath: reexported)))
    }

    @Test func aValueTooLongOrHoldingNULImportsNothingAndNamesFileLineAndField() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let table = try opened.table("Customer", on: .erp)
        let header = "id,modifiedAt,No.,Name,City\n"
        let good = "11111111-1111-4111-8111-111111111111,2026-11-20T09:00:00Z,C00010,Adatum,Berlin\n"
        let cases: [(String, String)] = [
            ("22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,C00020,\(String(repeating: "長", count: 101)),Paris\n", "Name"),
            ("22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,C00020,Contoso,\(String(repeating: "x", count: 2_000_000))\n", "City"),
            ("22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,C00020,Con\u{0}toso,Paris\n", "Name"),
        ]
        for (row, field) in cases {
            let file = try folder.write("bad.csv", header + good + row)
            let error = try #require(throws: CSVError.self) { try RecordImporter.importFile(file, into: table) }
            #expect(error.file == file && error.line == 3 && error.field == field, "\(error)")
            #expect(try table.count(search: nil) == 0)
        }
    }

    @Test func theGeneratorWritesOnlyValuesTheirFieldsHold() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        var generator = WorkspaceGenerator(customers: 400)
        generator.contacts = 300
        let (opened, _) = try generator.generate(into: folder.path)
        // The tables the generator fills (it makes no salespeople or users).
        for schema in [StandardTables.customer, StandardTables.erpContact, StandardTables.account, StandardTables.crmContact] {
            let records = try opened.table(schema.name, on: schema.side).scan(after: nil, limit: 10_000, fields: nil)
            #expect(!records.isEmpty)
            for record in records {
                if let refused = FieldRefusal.first(in: record.fields, schema: schema) {
                    Issue.record("\(schema.name) \(record.id) \(refused.field): \(refused.refusal)")
                }
            }
        }
    }
}
