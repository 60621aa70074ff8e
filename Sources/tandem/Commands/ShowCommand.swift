import ArgumentParser
import TandemCore
import TandemSQLite

struct ShowCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a record's card with its coupling.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "An ERP No. or a CRM id.")
    var reference: String

    func run() throws {
        let opened = try global.open(for: .reading)
        let found = try RecordReferences(opened: opened).resolve(reference)
        let store = opened.workspace.store
        let coupling = try store.coupling(mapping: found.mapping.name, side: found.side, id: found.record.id)
        let status = CouplingStatus.of(found.record, on: found.side, coupling: coupling, mapping: found.mapping,
                                       schema: found.table.schema)
        if output.json {
            try Console.printJSON(RecordJSON(found.record, schema: found.table.schema, status: status, coupling: coupling))
            return
        }
        let schema = found.table.schema
        Console.out("\(schema.displayName) \(Console.safe(found.label))")
        Console.out("id \(found.record.id) · modified \(found.record.modifiedAt)")
        var groups: [String] = []
        for field in schema.fields where !groups.contains(field.group) { groups.append(field.group) }
        for group in groups {
            Console.out("\n\(group)")
            let fields = schema.fields.filter { $0.group == group }
            let width = fields.map { DisplayWidth.of($0.name) }.max() ?? 0
            for field in fields {
                Console.out("  \(DisplayWidth.fit(field.name, to: width))  \(Console.safe(found.record[field.name]))")
            }
        }
        Console.out("\nCoupling (\(found.mapping.name))")
        guard let coupling else {
            Console.out("  not coupled")
            return
        }
        let otherSide = found.side.other
        let other = try opened.workspace.table(of: found.mapping, on: otherSide).record(id: coupling.id(on: otherSide))
        let otherSchema = try opened.workspace.table(of: found.mapping, on: otherSide).schema
        Console.out("  coupled to     \(otherSchema.displayName) \(Console.safe(other.map(otherSchema.label) ?? "(deleted)")) (\(coupling.id(on: otherSide)))")
        Console.out("  status         \(status.rawValue)")
        Console.out("  to CRM         \(describe(coupling.lastResultToCRM))")
        Console.out("  from CRM       \(describe(coupling.lastResultFromCRM))")
        Console.out("  ERP synced at  \(coupling.erpModifiedAtLastSync?.iso8601 ?? "never")")
        Console.out("  CRM synced at  \(coupling.crmModifiedAtLastSync?.iso8601 ?? "never")")
        if coupling.skipped { Console.out("  skipped        yes (retry with `tandem retry`)") }
        if let error = coupling.lastError { Console.out("  last error     \(Console.safe(error.message))") }
        if other != nil {
            let check = try SyncEngine(workspace: opened.workspace).check(mapping: found.mapping.name, side: found.side, id: found.record.id)
            if !check.changedOnERPOnly.isEmpty { Console.out("  changed in ERP \(check.changedOnERPOnly.joined(separator: ", "))") }
            if !check.changedOnCRMOnly.isEmpty { Console.out("  changed in CRM \(check.changedOnCRMOnly.joined(separator: ", "))") }
            for conflict in check.conflicts { Console.out("  conflict       \(Console.safe(conflict.summary))") }
        }
    }

    private func describe(_ result: PassResult?) -> String {
        guard let result else { return "never" }
        return "\(result.succeeded ? "succeeded" : "failed") \(result.at) (job \(result.jobID))"
    }
}
