import ArgumentParser
import TandemCore
import TandemSQLite

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "Couple uncoupled ERP records to CRM records with the same field values.",
        discussion: """
            --on lists the fields to match, each FIELD[:cs][@PRIORITY]: `:cs` compares with regard to case, \
            @0 is tried first. Example: --on "Name,E-Mail@1". Default: the mapping's own match fields.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "CUSTOMER or CONTACT.")
    var mapping = DefaultMappings.customerName
    @Option(help: ArgumentHelp("Fields to match on.", valueName: "field[:cs][@priority],..."))
    var on: String?
    @Flag(help: "Create the CRM record (and couple it) when nothing matches.")
    var createNew = false
    @Flag(help: "Synchronize each newly matched pair (ERP data first).")
    var sync = false

    static func parseCriteria(_ text: String) throws -> [(name: String, caseSensitive: Bool, priority: Int)] {
        try text.split(separator: ",").map { part in
            var name = Substring(part.trimmingCharacters(in: .whitespaces))
            var priority = 0
            if let at = name.lastIndex(of: "@") {
                guard let value = Int(name[name.index(after: at)...]), value >= 0 else {
                    throw ValidationError("\"\(part)\": the priority after @ must be a whole number, 0 first.")
                }
                priority = value
                name = name[..<at]
            }
            var caseSensitive = false
            if name.hasSuffix(":cs") {
                caseSensitive = true
                name = name.dropLast(3)
            }
            guard !name.isEmpty else { throw ValidationError("\"\(part)\" names no field.") }
            return (String(name), caseSensitive, priority)
        }
    }

    func validate() throws {
        if let on { _ = try Self.parseCriteria(on) }
    }

    func run() throws {
        let opened = try global.open(for: .writing)
        let mapping = try opened.workspace.store.mapping(named: self.mapping)
        let criteria: MatchCriteria
        do {
            criteria = try on.map { try MatchCriteria(mapping: mapping, fields: try Self.parseCriteria($0)) }
                ?? MatchCriteria(defaultsOf: mapping)
        } catch let error as TandemError {
            throw CommandError(error.description, usage: true)
        }
        let result = try MatchCoupler(workspace: opened.workspace).match(
            mapping: mapping.name, options: MatchOptions(criteria: criteria, createNewIfNoMatch: createNew,
                                                         synchronizeAfterCoupling: sync))
        if output.json {
            struct Pair: Encodable { var record: String; var erpId: String; var crmId: String; var priority: Int? }
            struct Unmatched: Encodable { var record: String; var erpId: String; var reason: String }
            struct Report: Encodable {
                var job: JobJSON; var coupled: [Pair]; var created: [Pair]; var unmatched: [Unmatched]
                var failed: [OutcomeJSON]; var sync: JobJSON?
            }
            let pair = { (p: MatchedPair) in Pair(record: p.label, erpId: p.erpID.rawValue, crmId: p.crmID.rawValue, priority: p.priority) }
            try Console.printJSON(Report(job: JobJSON(result.job), coupled: result.coupled.map(pair), created: result.created.map(pair),
                                         unmatched: result.unmatched.map { Unmatched(record: $0.label, erpId: $0.erpID.rawValue, reason: $0.reason.message) },
                                         failed: result.failed.map(OutcomeJSON.init), sync: result.sync.map { JobJSON($0.job) }))
        } else {
            var table = TextTable([TextTable.Column(title: "Record"), TextTable.Column(title: "Result", maxWidth: 10),
                                   TextTable.Column(title: "Detail", maxWidth: 60)])
            for pair in result.coupled { table.add([pair.label, "coupled", "\(pair.crmID) (priority \(pair.priority ?? 0))"]) }
            for pair in result.created { table.add([pair.label, "created", pair.crmID.rawValue]) }
            for record in result.unmatched { table.add([record.label, "unmatched", record.reason.message]) }
            for record in result.failed {
                table.add([record.label, record.status == .changedElsewhere ? "refused" : "failed", record.message])
            }
            Console.out(table.render())
            let refused = result.failed.filter { $0.status == .changedElsewhere }.count
            let failed = result.failed.count - refused
            Console.out("Coupled \(result.coupled.count), created \(result.created.count), unmatched \(result.unmatched.count)"
                  + (failed == 0 ? "" : ", failed \(failed)")
                  + (refused == 0 ? "" : ", refused \(refused) (another job coupled them first)") + ". (job \(result.job.id))")
            if let sync = result.sync { Console.out("Synchronized after coupling: \(Console.safe(sync.summary))") }
        }
        if !result.failed.isEmpty || (result.sync.map { $0.job.counters.failed > 0 } ?? false) { throw ExitCode(1) }
    }
}
