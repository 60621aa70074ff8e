import Foundation
import Testing
import TandemCore
import TandemSQLite
import TandemTestSupport

/// Files people really have: from Excel (semicolons, no internal columns), Business Central's and
/// Dataverse's own captions, and a periodic export imported again to refresh a side.
@Suite struct ImportFromOtherProgramsTests {
    func empty() throws -> (SQLiteWorkspace, TemporaryFolder) {
        let folder = TemporaryFolder()
        return (try SQLiteWorkspace.create(at: folder.path), folder)
    }

    @Test func aSemicolonFileWithBusinessCentralCaptionsAndNoIdsImportsAndRefreshes() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let table = try opened.table("Customer", on: .erp)
        let first = try folder.write("kunden.csv", """
            No.;Name;City;Email;Balance (LCY)
            C00010;Adatum;Berlin;buy@adatum.example;1.234,00
            ;Contoso;"Paris; Île-de-France";info@contoso.example;0

            """)
        let added = try RecordImporter.importFile(first, into: table)
        #expect(added.added == 2 && added.updated == 0 && added.ignoredColumns == ["Balance (LCY)"])
        let adatum = try #require(try table.records(numbers: ["C00010"]).first)
        #expect(adatum["E-Mail"] == "buy@adatum.example" && adatum["City"] == "Berlin")
        // An empty No. takes the next number of the series.
        let contoso = try #require(try table.records(named: "Contoso", prefix: false, limit: 2).first)
        #expect(contoso["No."] == "C00011" && contoso["City"] == "Paris; Île-de-France")

        // The same file later, one value changed: that record is updated (by No.), the other unchanged.
        let again = try folder.write("kunden2.csv", """
            No.;Name;City;Email
            C00010;Adatum;Hamburg;buy@adatum.example
            C00011;Contoso;"Paris; Île-de-France";info@contoso.example

            """)
        let refreshed = try RecordImporter.importFile(again, into: table)
        #expect(refreshed.added == 0 && refreshed.updated == 1 && refreshed.unchanged == 1)
        #expect(try table.record(id: adatum.id)?["City"] == "Hamburg")
        #expect(try table.count(search: nil) == 2)
    }

    /// Business Central's Contact list captions the type "Type" (the field's own name): a company row
    /// keeps its Name, and a file without the column (an older export) adds persons.
    @Test func businessCentralContactsImportWithTheirTypeAndWithoutItArePersons() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let contacts = try opened.table("Contact", on: .erp)
        let withType = try folder.write("contacts.csv", """
            Contact No.;Type;Name;First Name;Last Name;Company Number
            CT0010;Company;Adatum Corporation;;;C00010
            CT0020;Person;;Ana;Silva;C00010

            """)
        #expect(try RecordImporter.importFile(withType, into: contacts).added == 2)
        let company = try #require(try contacts.records(numbers: ["CT0010"]).first)
        #expect(company["Type"] == "Company" && company["Name"] == "Adatum Corporation")
        let person = try #require(try contacts.records(numbers: ["CT0020"]).first)
        #expect(person["Type"] == "Person" && person["Name"] == "Ana Silva")
        let withoutType = try folder.write("older.csv", "Contact No.,First Name,Last Name\nCT0030,Jürgen,Groß\n")
        #expect(try RecordImporter.importFile(withoutType, into: contacts).added == 1)
        #expect(try contacts.records(numbers: ["CT0030"]).first?["Type"] == "Person")
    }

    @Test func aDataverseExportWithItsHiddenIdColumnUpdatesByIdAndTabsAreSeparators() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let accounts = try opened.table("account", on: .crm)
        let id = RecordID.generate()
        try accounts.write(.insert(id: id, fields: ["name": "Fabrikam", "address1_city": "Lyon"]))
        let file = try folder.write("accounts.tsv",
                                    "(Do Not Modify) Account\tAccount Name\tAddress 1: City\tMain Phone\n"
                                        + "\(id.rawValue)\tFabrikam\tMarseille\t+33 4 91\n"
                                        + "\tNorthwind\tOslo\t\n")
        let summary = try RecordImporter.importFile(file, into: accounts)
        #expect(summary.updated == 1 && summary.added == 1 && summary.ignoredColumns.isEmpty)
        let updated = try #require(try accounts.record(id: id))
        #expect(updated["address1_city"] == "Marseille" && updated["telephone1"] == "+33 4 91")
        #expect(try accounts.records(named: "Northwind", prefix: false, limit: 2).first?["statecode"] == "Active")
    }

    @Test func aNumberOwnedByAnotherRecordIsRefusedWithItsLine() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let table = try opened.table("Customer", on: .erp)
        try table.write(.insert(id: .generate(), fields: ["No.": "C00010", "Name": "Adatum"]))
        let file = try folder.write("clash.csv", "id,No.,Name\n\(RecordID.generate().rawValue),C00010,Other\n")
        let error = try #require(throws: CSVError.self) { try RecordImporter.importFile(file, into: table) }
        #expect(error.line == 2 && error.field == "No." && error.message.contains("already in the workspace"))
        #expect(try table.count(search: nil) == 1)
    }

    @Test func anExportForExcelStartsWithAByteOrderMarkAndImportsBack() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let table = try opened.table("Customer", on: .erp)
        try table.write(.insert(id: .generate(), fields: ["No.": "C00010", "Name": "Müller & Söhne"]))
        let file = folder.file("excel.csv")
        #expect(try RecordImporter.exportFile(file, from: table, protecting: [], byteOrderMark: true) == 1)
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let again = try RecordImporter.importFile(file, into: table)
        #expect(again.unchanged == 1 && again.added == 0 && again.ignoredColumns.isEmpty)
    }

    @Test func theSeparatorIsTheOneTheHeaderUses() throws {
        #expect(try CSV.parse(Array("a;b,c;d\n1;2,3;4\n".utf8), file: "x").header == ["a", "b,c", "d"])
        #expect(try CSV.parse(Array("a\tb\tc;d\n".utf8), file: "x").header == ["a", "b", "c;d"])
        #expect(try CSV.parse(Array("\"a;b\",c\n".utf8), file: "x").header == ["a;b", "c"])
        #expect(try CSV.parse(Array("name\n".utf8), file: "x").header == ["name"])
    }

    /// A customer list exported from Business Central in Spanish: its captions name the fields, and the
    /// list sorts ñ with n (accent-insensitive, the same order in every language: the sort key is stored
    /// and shared by everyone on the workspace).
    @Test func aSpanishBusinessCentralExportImportsByItsCaptionsAndSortsÑWithN() throws {
        let (opened, folder) = try empty()
        defer { folder.remove() }
        let table = try opened.table("Customer", on: .erp)
        let file = try folder.write("clientes.csv", """
            Nº;Nombre;Población;Cód. país/región;Correo electrónico
            C00010;Ñandú S.L.;Sevilla;ES;hola@nandu.example
            C00020;Nuvola;Milano;IT;ciao@nuvola.example
            C00030;Núñez e Hijos;Córdoba;ES;info@nunez.example
            C00040;Nunez Trading;Madrid;ES;info@nuneztrading.example

            """)
        let imported = try RecordImporter.importFile(file, into: table)
        #expect(imported.added == 4 && imported.ignoredColumns.isEmpty)
        let nandu = try #require(try table.records(numbers: ["C00010"]).first)
        #expect(nandu["City"] == "Sevilla" && nandu["Country/Region Code"] == "ES" && nandu["E-Mail"] == "hola@nandu.example")
        let order = try table.page(search: nil, from: .first, limit: 10).map { $0["Name"] }
        #expect(order == ["Ñandú S.L.", "Núñez e Hijos", "Nunez Trading", "Nuvola"])
    }
}
