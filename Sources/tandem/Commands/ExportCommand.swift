import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: tr("Write every record of a table to a CSV file, or - for standard output (importing it back gives the same records)."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var arguments: TableArguments
    @Flag(help: ArgumentHelp(tr("Start the file with a UTF-8 byte order mark, so Excel opens it as UTF-8.")))
    var bom = false

    func run() throws {
        // CSV is data: raw bytes are right in a pipe or a file, wrong on a screen, where record text
        // could act as terminal commands. So `-` refuses a terminal, as compressors do.
        if arguments.file == OutputFile.standardOutput, isatty(STDOUT_FILENO) == 1 {
            throw CommandError(.outputIsTerminal, tr("Standard output is a terminal; pipe it (`| less`) or give a file name instead of -."))
        }
        let opened = try global.open(for: .reading)
        let table = try arguments.resolve(in: opened)
        let protected = opened.sqlite.map { SQLiteWorkspace.files(in: $0.folder) } ?? []
        let count = try RecordImporter.exportFile(arguments.file, from: table, protecting: protected,
                                                  byteOrderMark: bom)
        let summary = trn("Exported {0} record of {1} to {2}.", "Exported {0} records of {1} to {2}.", count,
                          Captions.table(table.schema), arguments.file)
        // With `-` the CSV is standard output, so the summary goes to standard error.
        if arguments.file == OutputFile.standardOutput { Console.error(summary) } else { Console.out(summary) }
    }
}
