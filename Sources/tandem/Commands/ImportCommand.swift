import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add the records of a CSV file to a table; a file with any bad line adds nothing.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var arguments: TableArguments

    func run() throws {
        let table = try arguments.resolve(in: global.open(for: .writing))
        let count = try RecordImporter.importFile(arguments.file, into: table)
        Console.out("Imported \(count) record\(count == 1 ? "" : "s") into \(table.schema.displayName).")
    }
}
