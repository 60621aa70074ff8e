import ArgumentParser
import TandemCore
import TandemSQLite

struct CleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup", abstract: "Delete old entries from the job log (failed jobs a skipped coupling refers to are kept).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Delete jobs started more than this many days ago (default 7).")
    var olderThan: Int?
    @Flag(help: "Delete every job.")
    var all = false
    @OptionGroup var confirmation: Confirmation

    func validate() throws {
        if all && olderThan != nil { throw ValidationError("Give --older-than or --all, not both.") }
        if let olderThan, olderThan < 0 { throw ValidationError("--older-than takes a number of days, 0 or more.") }
    }

    func run() throws {
        if all { try confirmation.require("Delete every job from the log, with its errors and undo information?") }
        let deleted = try JobLog(workspace: global.open(for: .writing).workspace).cleanup(olderThanDays: all ? nil : olderThan ?? 7)
        Console.out("Deleted \(deleted) job\(deleted == 1 ? "" : "s") from the log.")
    }
}

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

struct DeleteRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-record",
        abstract: "Delete the surviving record of a coupling whose other side is gone, and the coupling.",
        discussion: "Give the ERP No. when the CRM record is gone, or the CRM id when the ERP record is gone.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The surviving record: an ERP No. or a CRM id.")
    var references: [String]
    @OptionGroup var confirmation: Confirmation

    func run() throws {
        try confirmation.require("Delete \(references.count == 1 ? "this record" : "these \(references.count) records") "
                                 + "for good (undo cannot bring it back)?")
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
                Console.out("\(Console.safe(found.label)): deleted, with its coupling.")
            } catch let error as TandemError {
                failed = true
                Console.error("\(Console.safe(found.label)): \(Console.safe(error.description))")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
