import ArgumentParser
import TandemCore
import TandemSQLite

/// `restore` and `delete-record`: the two actions for a coupling whose other side is gone.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: tr("Re-create the deleted side of a coupling from the record that survives."),
        discussion: tr("Give the ERP No. when the CRM record is gone, or the CRM id when the ERP record is gone."))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(tr("The surviving record of each coupling: an ERP No. or a CRM id.")))
    var references: [String]

    func run() throws {
        let opened = try global.open(for: .writing)
        var failed = false
        for reference in references {
            let found = try RecordReferences(opened: opened).resolve(reference)
            do {
                guard let coupling = try opened.workspace.store.coupling(mapping: found.mapping.name, side: found.side,
                                                                         id: found.record.id) else {
                    throw TandemError.notCoupled(found.label)
                }
                let restored = try JobLog(workspace: opened.workspace).restoreRecord(mapping: found.mapping.name,
                                                                                     erpID: coupling.erpID)
                Console.out(found.side == .erp ? tr("{0}: restored the CRM record as {1}.", Console.safe(found.label), restored.crmID)
                                               : tr("{0}: restored the ERP record as {1}.", Console.safe(found.label), restored.erpID))
            } catch let error as TandemError {
                failed = true
                Console.error("\(Console.safe(found.label)): \(Console.safe(error.description))")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
