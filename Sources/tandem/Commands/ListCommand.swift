import ArgumentParser
import TandemCore
import TandemSQLite

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List \(ListName.choices), sorted by name.")

    enum Coupled: EnumerableFlag {
        case coupled, uncoupled
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(stringLiteral: ListName.choices))
    var list: ListName
    @Option(help: "Only records whose name, number, city or e-mail contains the text.")
    var filter: String?
    @Flag(help: "Only coupled, or only uncoupled records.")
    var coupled: Coupled?
    @Option(help: "At most this many records.")
    var limit = 50

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let opened = try global.open(for: .reading)
        let table = try opened.table(list.schema.name, on: list.side)
        guard let mapping = try opened.workspace.store.mappings().first(where: { $0.table(on: list.side) == table.schema.name })
        else { throw CommandError("No mapping covers \(table.schema.displayName).") }
        var rows: [(Record, Coupling?)] = []
        var start = PageStart.first
        // Page by key until enough rows pass the coupled filter: never the whole table.
        while rows.count < limit {
            let page = try table.page(search: filter, from: start, limit: max(limit, 200))
            guard let last = page.last else { break }
            let couplings = try opened.workspace.store.couplingsByID(mapping: mapping.name, side: list.side, ids: page.map(\.id))
            for record in page where rows.count < limit {
                let coupling = couplings[record.id]
                switch coupled {
                case .coupled? where coupling == nil, .uncoupled? where coupling != nil: continue
                default: rows.append((record, coupling))
                }
            }
            start = .after(ListKey(last, schema: table.schema))
        }
        let statuses = rows.map { CouplingStatus.of($0.0, on: list.side, coupling: $0.1, mapping: mapping, schema: table.schema) }
        if output.json {
            try Console.printJSON(zip(rows, statuses).map { RecordJSON($0.0, schema: table.schema, status: $1, coupling: $0.1) })
            return
        }
        let schema = table.schema
        let fields = (schema.numberField.map { [$0] } ?? []) + [schema.nameField] + list.columns
        var text = TextTable([TextTable.Column(title: "Status", maxWidth: 11)] + fields.map { TextTable.Column(title: $0) })
        for ((record, _), status) in zip(rows, statuses) { text.add([status.rawValue] + fields.map { record[$0] }) }
        Console.out(text.render())
        let total = try table.count(search: filter)
        Console.error("\(rows.count) of \(total) \(list.name)\(filter.map { " matching \"\($0)\"" } ?? "").")
    }
}
