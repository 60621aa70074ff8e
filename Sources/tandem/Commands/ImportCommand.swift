import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: tr("Add or update the records of a CSV file in a table; a file with any bad line changes nothing."),
        discussion: tr("The file may be Tandem's own export, or one from Excel, Business Central or Dataverse: columns separated by commas, semicolons or tabs, named by the fields or by those programs' captions (E-Mail or Email, Account Name, …); id and modifiedAt are optional. A row whose id — or, in the ERP, whose No. — the table has updates that record; the rest are added. Columns that name nothing in the table are left out and listed."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var arguments: TableArguments
    @Flag(help: ArgumentHelp(tr("Start the file with a UTF-8 byte order mark, so Excel opens it as UTF-8.")))
    var bom = false

    func run() throws {
        let table = try arguments.resolve(in: global.open(for: .writing))
        let summary = try RecordImporter.importFile(arguments.file, into: table)
        if !summary.ignoredColumns.isEmpty {
            Console.error(tr("Left out columns that name nothing in {0}: {1}.", Captions.table(table.schema),
                             summary.ignoredColumns.map { "\"\(Console.safe($0))\"" }.joined(separator: ", ")))
        }
        Console.out(tr("{0}: added {1}, updated {2}, unchanged {3} ({4}).", Captions.table(table.schema),
                       Format.integer(summary.added), Format.integer(summary.updated), Format.integer(summary.unchanged),
                       trn("{0} row in the file", "{0} rows in the file", summary.rows)))
    }
}
