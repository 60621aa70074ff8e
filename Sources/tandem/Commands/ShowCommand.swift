import ArgumentParser
import TandemCore
import TandemSQLite

struct ShowCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: tr("Show a record's card with its coupling."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(tr("An ERP No. or a CRM id.")))
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
        Console.out("\(Captions.table(schema)) \(Console.safe(found.label))")
        Console.out(tr("id {0} · modified {1}", found.record.id, found.record.modifiedAt))
        var groups: [String] = []
        for field in schema.fields where !groups.contains(field.group) { groups.append(field.group) }
        for group in groups {
            Console.out("\n\(Captions.group(group))")
            let fields = schema.fields.filter { $0.group == group }
            let captions = fields.map { Captions.field($0.name, on: schema.side) }
            let width = captions.map { DisplayWidth.of($0) }.max() ?? 0
            for (field, caption) in zip(fields, captions) {
                Console.out("  \(DisplayWidth.fit(caption, to: width))  \(Console.safe(found.record[field.name]))")
            }
        }
        Console.out("\n" + tr("Coupling ({0})", found.mapping.name))
        guard let coupling else {
            Console.out("  " + tr("not coupled"))
            return
        }
        let otherSide = found.side.other
        let other = try opened.workspace.table(of: found.mapping, on: otherSide).record(id: coupling.id(on: otherSide))
        let otherSchema = try opened.workspace.table(of: found.mapping, on: otherSide).schema
        let labels = LabelColumn([tr("coupled to"), tr("status"), tr("to CRM"), tr("from CRM"), tr("ERP synced at"), tr("CRM synced at"),
                                  tr("skipped"), tr("last error"), tr("changed in ERP"), tr("changed in CRM"), tr("conflict")])
        Console.out(labels.line(tr("coupled to"), "\(Captions.table(otherSchema)) "
                                + "\(Console.safe(other.map(otherSchema.label) ?? tr("(deleted)"))) (\(coupling.id(on: otherSide)))"))
        Console.out(labels.line(tr("status"), status.words))
        Console.out(labels.line(tr("to CRM"), describe(coupling.lastResultToCRM)))
        Console.out(labels.line(tr("from CRM"), describe(coupling.lastResultFromCRM)))
        Console.out(labels.line(tr("ERP synced at"), coupling.erpModifiedAtLastSync.map(TextWords.time) ?? tr("never")))
        Console.out(labels.line(tr("CRM synced at"), coupling.crmModifiedAtLastSync.map(TextWords.time) ?? tr("never")))
        if coupling.skipped { Console.out(labels.line(tr("skipped"), tr("yes (retry with `tandem retry`)"))) }
        if let error = coupling.lastError { Console.out(labels.line(tr("last error"), Console.safe(error.message))) }
        if other != nil {
            let check = try SyncEngine(workspace: opened.workspace).check(mapping: found.mapping.name, side: found.side, id: found.record.id)
            if !check.changedOnERPOnly.isEmpty {
                Console.out(labels.line(tr("changed in ERP"), check.changedOnERPOnly.joined(separator: ", ")))
            }
            if !check.changedOnCRMOnly.isEmpty {
                Console.out(labels.line(tr("changed in CRM"), check.changedOnCRMOnly.joined(separator: ", ")))
            }
            for conflict in check.conflicts { Console.out(labels.line(tr("conflict"), Console.safe(conflict.summary))) }
        }
    }

    private func describe(_ result: PassResult?) -> String {
        guard let result else { return tr("never") }
        return result.succeeded ? tr("succeeded {0} (job {1})", result.at, result.jobID) : tr("failed {0} (job {1})", result.at, result.jobID)
    }
}
