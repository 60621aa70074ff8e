import Foundation
import GRDB
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// The SQLite module in Spanish: a Spanish Business Central export imports, file errors speak Spanish,
/// a job stored while Tandem spoke English reads in Spanish, and lists sort "ñ" with "n".
@Suite struct SpanishSQLiteTests {
    func spanish<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.spanish, operation: body) }

    @Test func aSpanishBusinessCentralExportImportsByItsCaptions() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let opened = try SQLiteWorkspace.create(at: folder.path)
        let table = try opened.table("Customer", on: .erp)
        let file = try folder.write("clientes.csv", """
            Nº;Nombre;Población;Cód. país/región;Correo electrónico;Saldo (DL)
            C00010;Adatum;Madrid;ES;compras@adatum.example;1.234,00
            C00020;Núñez y Cía.;"Sevilla; Andalucía";ES;;0

            """)
        let summary = try RecordImporter.importFile(file, into: table)
        #expect(summary.added == 2 && summary.ignoredColumns == ["Saldo (DL)"])
        let adatum = try #require(try table.records(numbers: ["C00010"]).first)
        #expect(adatum["Name"] == "Adatum" && adatum["City"] == "Madrid" && adatum["Country/Region Code"] == "ES"
                && adatum["E-Mail"] == "compras@adatum.example")
        #expect(try table.records(numbers: ["C00020"]).first?["City"] == "Sevilla; Andalucía")
    }

    @Test func anImportErrorNamesFileLineAndFieldInSpanish() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let opened = try SQLiteWorkspace.create(at: folder.path)
        let table = try opened.table("Customer", on: .erp)
        let file = try folder.write("clientes.csv", "Nº;Nombre\nC00010;Adatum\nC00010;Contoso\n")
        let error = try #require(throws: CSVError.self) { try spanish { try RecordImporter.importFile(file, into: table) } }
        #expect(spanish { error.description } == "\(file):3: campo \"No.\": número duplicado C00010 (primero en la línea 2)")
        #expect(try table.count(search: nil) == 0)
    }

    @Test func fileErrorsReadInSpanish() {
        #expect(spanish { DatabaseFileError.readOnly(path: "/w/erp.sqlite").description }
                == "No se puede escribir en /w/erp.sqlite (archivo, carpeta o montaje de solo lectura); no se cambió nada.")
        #expect(spanish { DatabaseFileError.newerSchema(path: "/w/crm.sqlite", found: 9, supported: 3).description }
                == "/w/crm.sqlite tiene la versión de esquema 9, más reciente que la que admite este Tandem (3); actualice Tandem.")
        #expect(DatabaseFileError.readOnly(path: "/w/erp.sqlite").description
                == "/w/erp.sqlite cannot be written (read-only file, folder or mount); nothing was changed.")
        #expect(spanish { OutputFileError.workspaceFile(path: "erp.sqlite").description }
                == "erp.sqlite es uno de los archivos de base de datos del propio espacio de trabajo; no se sobrescribe (no se escribió nada).")
        #expect(spanish { StoredDataError.badValue(path: "w.sqlite", table: "jobs", row: "3", column: "type", found: StoredDataError.describe("x".databaseValue)).description }
                == "w.sqlite: la tabla jobs, fila 3, columna type contiene el texto \"x\", que Tandem no puede leer; repare o elimine esa fila.")
    }

    @Test func aJobRunInEnglishReadsInSpanishFromTheWorkspaceFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let opened = try SQLiteWorkspace.create(at: folder.path)
        let customers = try opened.table("Customer", on: .erp)
        let lonely = RecordID.generate()
        try customers.write(.insert(id: lonely, fields: ["No.": "C00010", "Name": "Adatum"]))
        let result = try Language.$override.withValue(.english) {
            try SyncEngine(workspace: opened.workspace)
                .synchronize(SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, [lonely]), choice: .toCRM))
        }
        #expect(result.summary == "Synchronized 0 of 1 record. 1 was skipped.")
        let reopened = try SQLiteWorkspace.open(at: folder.path, access: .reading)
        let job = try #require(try reopened.workspace.store.job(result.job.id))
        #expect(spanish { job.message } == "Sincronizados: 0 de 1 registro. 1 omitido.")
        #expect(job.message == "Synchronized 0 of 1 record. 1 was skipped.")
    }

    @Test func aListSortsÑWithNWhateverTheReadersLanguage() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let opened = try SQLiteWorkspace.create(at: folder.path)
        let accounts = try opened.table("account", on: .crm)
        let names = ["Nuvola", "Ñandú", "Nuño", "Núñez", "Nunez"]
        for (index, name) in names.enumerated() {
            try spanish { try accounts.write(.insert(id: RecordID("00000000-0000-0000-0000-00000000000\(index)"), fields: ["name": name])) }
        }
        for language in Language.allCases {
            let listed = try Language.$override.withValue(language) { try accounts.page(search: nil, from: .first, limit: 10) }
            #expect(listed.map { $0["name"] } == ["Ñandú", "Núñez", "Nunez", "Nuño", "Nuvola"], "\(language)")
        }
    }
}
