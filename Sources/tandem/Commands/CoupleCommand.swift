import ArgumentParser
import TandemCore
import TandemSQLite

extension SyncAfterCoupling: ExpressibleByArgument {}

struct CoupleCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "couple", abstract: tr("Set up the coupling of an ERP record to a CRM record (or create one)."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(tr("The ERP record's No.")))
    var number: String
    @Option(help: ArgumentHelp(tr("The CRM record: its id, its exact name, or the one name that starts so."), valueName: "id-or-name"))
    var crm: String?
    @Flag(help: ArgumentHelp(tr("Create the CRM record from the ERP record and couple it (always uses the ERP data).")))
    var createNew = false
    @Option(help: ArgumentHelp(tr("Synchronize after coupling: no, use-erp or use-crm (default: the mapping's direction; no when already coupled).")))
    var sync: SyncAfterCoupling?

    func validate() throws {
        guard (crm == nil) != !createNew else { throw ValidationError(tr("Give either --crm or --create-new.")) }
        if createNew, let sync, sync != .useERP {
            throw ValidationError(tr("--create-new always uses the ERP data; leave out --sync or use --sync use-erp."))
        }
    }

    func run() throws {
        let opened = try global.open(for: .writing)
        let found = try RecordReferences(opened: opened).resolve(number)
        guard found.side == .erp else { throw CommandError(.usage, tr("{0} is not an ERP record; give its No.", number), usage: true) }
        let service = CouplingService(workspace: opened.workspace)
        if createNew {
            let outcome = try service.createNew(mapping: found.mapping.name, side: .erp, ids: [found.record.id])
            let result = outcome.outcomes[0]
            if output.json { try Console.printJSON(OutcomeJSON(result)) }
            guard result.status == .inserted else {
                throw CommandError(.refused, "\(Console.safe(found.label)): \(Console.safe(result.message))", reason: result.failure)
            }
            if !output.json { Console.out(tr("Created CRM record {0} from {1} and coupled it.", result.crmID?.rawValue ?? "", Console.safe(found.label))) }
            return
        }
        let target = try service.findCRMRecord(mapping: found.mapping.name, reference: crm ?? "")
        let choice = try sync ?? service.draft(mapping: found.mapping.name, erpID: found.record.id).defaultSync
        let outcome = try service.couple(mapping: found.mapping.name, erpID: found.record.id, crmID: target.id, sync: choice)
        if output.json {
            struct Coupled: Encodable { var coupling: CouplingJSON; var job: JobJSON; var sync: JobJSON? }
            try Console.printJSON(Coupled(coupling: CouplingJSON(outcome.coupling), job: JobJSON(outcome.job), sync: outcome.sync.map { JobJSON($0.job) }))
        } else {
            if let stale = outcome.removedStaleCoupling {
                Console.out(tr("Removed the coupling of the CRM record to the deleted ERP record {0}.", stale.erpID))
            }
            Console.out(Console.safe(outcome.job.message))
            if let result = outcome.sync { Console.out(Console.safe(result.summary)) }
        }
        if let result = outcome.sync,
           result.job.counters.failed + result.job.counters.skipped + result.job.counters.changedElsewhere > 0 {
            if output.json {
                throw CommandError(.recordsFailed, tr("The sync after coupling: {0}", result.summary), records: result.problems)
            }
            for problem in result.problems { Console.error("\(Console.safe(problem.label)): \(Console.safe(problem.message))") }
            throw ExitCode(1)
        }
    }
}
