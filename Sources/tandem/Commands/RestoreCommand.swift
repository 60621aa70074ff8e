import ArgumentParser
import TandemCore
import TandemSQLite

/// `restore` and `delete-record`: the two actions for a coupling whose other side is gone.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Re-create the deleted side of a coupling from the record that survives.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "ERP No. of each coupled record.")
    var numbers: [String]

    func run() throws {
        let opened = try global.open(for: .writing)
        var failed = false
        for found in try RecordReferences(opened: opened).resolveERPNumbers(numbers) {
            do {
                let coupling = try JobLog(workspace: opened.workspace).restoreRecord(mapping: found.mapping.name, erpID: found.record.id)
                Console.out("\(Console.safe(found.label)): restored the CRM record as \(coupling.crmID).")
            } catch let error as TandemError {
                failed = true
                Console.error("\(Console.safe(found.label)): \(Console.safe(error.description))")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
