import ArgumentParser
import TandemCore
import TandemSQLite

struct MatchCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: tr("Couple uncoupled ERP records to CRM records with the same field values."),
        discussion: tr("--on lists the fields to match, each FIELD[:cs][@PRIORITY]: `:cs` compares with regard to case, @0 is tried first. Example: --on \"Name,E-Mail@1\". Default: the mapping's own match fields."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(tr("CUSTOMER or CONTACT.")))
    var mapping = DefaultMappings.customerName
    @Option(help: ArgumentHelp(tr("Fields to match on."), valueName: "field[:cs][@priority],..."))
    var on: String?
    @Flag(help: ArgumentHelp(tr("Create the CRM record (and couple it) when nothing matches.")))
    var createNew = false
    @Flag(help: ArgumentHelp(tr("Synchronize each newly matched pair (ERP data first).")))
    var sync = false

    static func parseCriteria(_ text: String) throws -> [(name: String, caseSensitive: Bool, priority: Int)] {
        try text.split(separator: ",").map { part in
            var name = Substring(part.trimmingCharacters(in: .whitespaces))
            var priority = 0
            if let at = name.lastIndex(of: "@") {
                guard let value = Int(name[name.index(after: at)...]), value >= 0 else {
                    throw ValidationError(tr("\"{0}\": the priority after @ must be a whole number, 0 first.", part))
                }
                priority = value
                name = name[..<at]
            }
            var caseSensitive = false
            if name.hasSuffix(":cs") {
                caseSensitive = true
                name = name.dropLast(3)
            }
            guard !name.isEmpty else { throw ValidationError(tr("\"{0}\" names no field.", part)) }
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
            throw CommandError(ErrorCode.of(error), error.description, usage: true)
        }
        let options = MatchOptions(criteria: criteria, createNewIfNoMatch: createNew, synchronizeAfterCoupling: sync)
        let coupler = MatchCoupler(workspace: opened.workspace)
        // Results are printed batch by batch as they are committed: a million never sit in memory.
        let result: MatchResult
        if output.json {
            Console.out("{\n  \"records\" : ", terminator: "")
            var records = JSONArrayStream(indent: 2)
            var failure: (any Error)?
            result = try coupler.match(mapping: mapping.name, options: options) { batch in
                do {
                    for row in MatchRecordJSON.rows(of: batch) { try records.append(row) }
                } catch {
                    failure = failure ?? error
                }
            }
            if let failure { throw failure }
            records.finish()
            Console.out(",\n  \"counts\" : " + (try Self.nested(MatchCountsJSON(result.counts))), terminator: "")
            Console.out(",\n  \"job\" : " + (try Self.nested(JobJSON(result.job))), terminator: "")
            if let sync = result.sync { Console.out(",\n  \"sync\" : " + (try Self.nested(JobJSON(sync.job))), terminator: "") }
            Console.out("\n}")
        } else {
            var table = StreamedTable([TextTable.Column(title: tr("Record")), TextTable.Column(title: tr("Result"), maxWidth: 10),
                                       TextTable.Column(title: tr("Detail"), maxWidth: 60)])
            result = try coupler.match(mapping: mapping.name, options: options) { batch in
                table.print(MatchRecordJSON.rows(of: batch).map { [$0.record, Self.words($0.result), $0.detail ?? ""] })
            }
            table.finish()
            let counts = result.counts
            Console.out(tr("Coupled {0}, created {1}, unmatched {2}", Format.integer(counts.coupled), Format.integer(counts.created),
                           Format.integer(counts.unmatched))
                        + (counts.failed == 0 ? "" : tr(", failed {0}", Format.integer(counts.failed)))
                        + (counts.refused == 0 ? "" : tr(", refused {0} (another job coupled them first)", Format.integer(counts.refused)))
                        + tr(". (job {0})", result.job.id))
            if let sync = result.sync { Console.out(tr("Synchronized after coupling: {0}", Console.safe(sync.summary))) }
        }
        if result.counts.failed + result.counts.refused > 0 || (result.sync.map { $0.job.counters.failed > 0 } ?? false) {
            throw ExitCode(1)
        }
    }

    /// A record's result as the text table shows it: "coupled" / "emparejado" (JSON keeps the word).
    static func words(_ result: String) -> String {
        switch result {
        case "coupled": tr("coupled")
        case "created": tr("created")
        case "unmatched": tr("unmatched")
        case "failed": tr("failed")
        case "refused": tr("refused")
        default: result
        }
    }

    /// A value as JSON indented to sit two spaces in, after a key.
    private static func nested(_ value: some Encodable) throws -> String {
        try Console.json(value).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0 == 0 ? String($1) : "  " + $1 }.joined(separator: "\n")
    }
}
