import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

/// `erp Customer`, `crm contact`, …: a table named on the command line.
struct TableArguments: ParsableArguments {
    @Argument(help: "erp or crm.")
    var side: Side
    @Argument(help: "The table: Customer, Contact, account, contact (or customers, contacts, accounts, crm-contacts).")
    var table: String
    @Argument(help: "The CSV file.")
    var file: String

    func resolve(in opened: SQLiteWorkspace) throws -> SQLiteRecordSource {
        guard let schema = ListName.table(table, on: side) else {
            let names = StandardTables.tables(on: side).map(\.name).joined(separator: ", ")
            throw CommandError("The \(side.displayName) has no table \"\(table)\"; it has \(names).", usage: true)
        }
        return try opened.table(schema.name, on: side)
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add or update the records of a CSV file in a table; a file with any bad line changes nothing.",
        discussion: """
            The file may be Tandem's own export, or one from Excel, Business Central or Dataverse: columns \
            separated by commas, semicolons or tabs, named by the fields or by those programs' captions \
            (E-Mail or Email, Account Name, …); id and modifiedAt are optional. A row whose id — or, in the \
            ERP, whose No. — the table has updates that record; the rest are added. Columns that name \
            nothing in the table are left out and listed.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var arguments: TableArguments

    func run() throws {
        let table = try arguments.resolve(in: global.open(for: .writing))
        let summary = try RecordImporter.importFile(arguments.file, into: table)
        if !summary.ignoredColumns.isEmpty {
            Console.error("Left out columns that name nothing in \(table.schema.displayName): "
                          + summary.ignoredColumns.map { "\"\(Console.safe($0))\"" }.joined(separator: ", ") + ".")
        }
        Console.out("\(table.schema.displayName): added \(summary.added), updated \(summary.updated), "
                    + "unchanged \(summary.unchanged) (\(summary.rows) row\(summary.rows == 1 ? "" : "s") in the file).")
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write every record of a table to a CSV file, or - for standard output (importing it back gives the same records).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var arguments: TableArguments
    @Flag(help: "Start the file with a UTF-8 byte order mark, so Excel opens it as UTF-8.")
    var bom = false

    func run() throws {
        // CSV is data: raw bytes are right in a pipe or a file, wrong on a screen, where record text
        // could act as terminal commands. So `-` refuses a terminal, as compressors do.
        if arguments.file == OutputFile.standardOutput, isatty(STDOUT_FILENO) == 1 {
            throw CommandError("Standard output is a terminal; pipe it (`| less`) or give a file name instead of -.")
        }
        let opened = try global.open(for: .reading)
        let table = try arguments.resolve(in: opened)
        let count = try RecordImporter.exportFile(arguments.file, from: table, protecting: SQLiteWorkspace.files(in: opened.folder),
                                                  byteOrderMark: bom)
        let summary = "Exported \(count) record\(count == 1 ? "" : "s") of \(table.schema.displayName) to \(arguments.file)."
        // With `-` the CSV is standard output, so the summary goes to standard error.
        if arguments.file == OutputFile.standardOutput { Console.error(summary) } else { Console.out(summary) }
    }
}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Create a large, deterministic workspace for tests and benchmarks.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many customers (each with an account in the CRM).")
    var customers: Int
    @Option(help: "How many contacts in all (spread over the customers).")
    var contacts = 0
    @Option(help: "The random seed: the same seed gives the same workspace.")
    var seed: UInt64 = 1
    @Option(help: "Share of customers coupled to their account (0…1).")
    var coupled = 0.8
    @Option(help: "Share of coupled pairs changed in the ERP since the last sync.")
    var changedERP = 0.3
    @Option(help: "Share of coupled pairs changed in the CRM since the last sync.")
    var changedCRM = 0.1
    @Option(help: "Share of coupled pairs changed on both sides, in the same field.")
    var conflicts = 0.05
    @Flag(help: "Replace an existing workspace.")
    var force = false
    @OptionGroup var confirmation: Confirmation

    func validate() throws {
        guard customers > 0 else { throw ValidationError("--customers must be at least 1.") }
        for (name, value) in [("coupled", coupled), ("changed-erp", changedERP), ("changed-crm", changedCRM), ("conflicts", conflicts)]
        where !(0...1).contains(value) {
            throw ValidationError("--\(name) is a share between 0 and 1.")
        }
        guard changedERP + changedCRM + conflicts <= 1 else {
            throw ValidationError("--changed-erp, --changed-crm and --conflicts add up to more than 1.")
        }
    }

    func run() throws {
        let folder = global.folder
        let exists = SQLiteWorkspace.exists(at: folder)
        if exists && !force { throw CommandError("A workspace already exists at \(folder); use --force to replace it.") }
        if exists { try confirmation.require("Replace the workspace at \(folder), its couplings and job log included?") }
        var generator = WorkspaceGenerator(customers: customers)
        generator.contacts = contacts
        generator.seed = seed
        generator.coupledShare = coupled
        generator.erpChangedShare = changedERP
        generator.crmChangedShare = changedCRM
        generator.conflictShare = conflicts
        // Generated beside an existing workspace first: a failure half-way must not cost the old one.
        let summary = try WorkspaceReplacement.make(at: folder, replacing: exists) { try generator.generate(into: $0).1 }
        Console.out("Generated \(summary) at \(folder).")
    }
}
