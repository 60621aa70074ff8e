import ArgumentParser
import TandemCore
import TandemSQLite

struct ListCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: tr("List {0}, sorted by name.", ListName.choices))

    enum Coupled: EnumerableFlag {
        case coupled, uncoupled
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(stringLiteral: ListName.choices))
    var list: ListName
    @Option(help: ArgumentHelp(tr("Only records whose name, number, city or e-mail contains the text.")))
    var filter: String?
    @Flag(help: ArgumentHelp(tr("Only coupled, or only uncoupled records.")))
    var coupled: Coupled?
    @Option(help: ArgumentHelp(tr("At most this many records.")))
    var limit = 50

    /// Records read at a time, by key.
    static let pageSize = 500

    func validate() throws {
        guard limit > 0 else { throw ValidationError(tr("--limit must be at least 1.")) }
    }

    func run() throws {
        let opened = try global.open(for: .reading)
        let table = try opened.table(list.schema.name, on: list.side)
        guard let mapping = try opened.workspace.store.mappings().first(where: { $0.table(on: list.side) == table.schema.name })
        else { throw CommandError(.noMapping, tr("No mapping covers {0}.", Captions.table(table.schema))) }
        let schema = table.schema
        let fields = (schema.numberField.map { [$0] } ?? []) + [schema.nameField] + list.columns
        // Rows are printed a page at a time as they are read, so --limit of any size holds one page.
        var json = output.json ? JSONArrayStream() : nil
        var text = StreamedTable([TextTable.Column(title: tr("Status"), maxWidth: 11)]
                                 + fields.map { TextTable.Column(title: Captions.field($0, on: list.side)) })
        var shown = 0
        var start = PageStart.first
        var exhausted = false
        // Page by key until enough rows pass the coupled filter: never the whole table.
        while shown < limit {
            let page = try table.page(search: filter, from: start, limit: min(Self.pageSize, max(limit, 200)))
            guard let last = page.last else { exhausted = true; break }
            let couplings = try opened.workspace.store.couplingsByID(mapping: mapping.name, side: list.side, ids: page.map(\.id))
            var rows: [[String]] = []
            for record in page where shown < limit {
                let coupling = couplings[record.id]
                switch coupled {
                case .coupled? where coupling == nil, .uncoupled? where coupling != nil: continue
                default: break
                }
                shown += 1
                let status = CouplingStatus.of(record, on: list.side, coupling: coupling, mapping: mapping, schema: schema)
                if json != nil {
                    try json?.append(RecordJSON(record, schema: schema, status: status, coupling: coupling))
                } else {
                    rows.append([status.words] + fields.map { record[$0] })
                }
            }
            text.print(rows)
            start = .after(ListKey(last, schema: schema))
        }
        if let json {
            json.finish()
            Console.out("")
        } else {
            text.finish()
        }
        // The summary goes to standard error, so `--json` stays one document and still says when more exist.
        Console.error(try summary(shown: shown, exhausted: exhausted, table: table))
    }

    /// "50 of 160 customers", or for coupled/uncoupled ones (which only a walk could count) how many
    /// were shown and whether more exist.
    private func summary(shown: Int, exhausted: Bool, table: any RecordSource) throws -> String {
        let matching = filter.map { tr(" matching \"{0}\"", Console.safe($0)) } ?? ""
        let kind = Self.words(list.name, coupled)
        guard coupled != nil else {
            return tr("{0} of {1} {2}{3}.", Format.integer(shown), Format.integer(try table.count(search: filter)), kind, matching)
        }
        if exhausted || shown < limit { return tr("{0} {1}{2}, all of them.", Format.integer(shown), kind, matching) }
        return tr("{0} {1}{2} shown; there may be more (--limit shows more).", Format.integer(shown), kind, matching)
    }

    /// A list's records in words, coupled or uncoupled ones when asked: "uncoupled customers" /
    /// "clientes no emparejados" (Spanish puts the word after the noun and agrees with it).
    static func words(_ list: String, _ coupled: Coupled?) -> String {
        switch (list, coupled) {
        case ("customers", nil): tr("customers")
        case ("customers", .coupled?): tr("coupled customers")
        case ("customers", .uncoupled?): tr("uncoupled customers")
        case ("contacts", nil): tr("contacts")
        case ("contacts", .coupled?): tr("coupled contacts")
        case ("contacts", .uncoupled?): tr("uncoupled contacts")
        case ("accounts", nil): tr("accounts")
        case ("accounts", .coupled?): tr("coupled accounts")
        case ("accounts", .uncoupled?): tr("uncoupled accounts")
        case ("crm-contacts", nil): tr("crm-contacts")
        case ("crm-contacts", .coupled?): tr("coupled crm-contacts")
        case ("crm-contacts", .uncoupled?): tr("uncoupled crm-contacts")
        default: list
        }
    }
}
