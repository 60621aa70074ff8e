import ArgumentParser
import TandemCore
import TandemSQLite

struct DeleteRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-record",
        abstract: tr("Delete the surviving record of a coupling whose other side is gone, and the coupling."),
        discussion: tr("Give the ERP No. when the CRM record is gone, or the CRM id when the ERP record is gone."))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(tr("The surviving record: an ERP No. or a CRM id.")))
    var references: [String]
    @OptionGroup var confirmation: Confirmation

    func run() throws {
        try confirmation.require(trn("Delete this record for good (undo cannot bring it back)?",
                                     "Delete these {0} records for good (undo cannot bring it back)?", references.count))
        let opened = try global.open(for: .writing)
        var failed = false
        for reference in references {
            let found = try RecordReferences(opened: opened).resolve(reference)
            do {
                guard let coupling = try opened.workspace.store.coupling(mapping: found.mapping.name, side: found.side,
                                                                         id: found.record.id) else {
                    throw TandemError.notCoupled(found.label)
                }
                try JobLog(workspace: opened.workspace).deleteRecord(mapping: found.mapping.name, erpID: coupling.erpID)
                Console.out(tr("{0}: deleted, with its coupling.", Console.safe(found.label)))
            } catch let error as TandemError {
                failed = true
                Console.error("\(Console.safe(found.label)): \(Console.safe(error.description))")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
