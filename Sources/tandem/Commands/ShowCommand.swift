import ArgumentParser
import TandemCore
import TandemSQLite

struct ShowCommand: ParsableCommand {
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

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Edit fields of one record on its own side, as a user would in the ERP or the CRM.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "An ERP No. or a CRM id.")
    var reference: String
    @Argument(help: "FIELD=VALUE pairs.")
    var assignments: [String]

    func validate() throws {
        guard !assignments.isEmpty else { throw ValidationError("Give at least one FIELD=VALUE.") }
        for assignment in assignments where !assignment.contains("=") {
            throw ValidationError("\"\(assignment)\" is not FIELD=VALUE.")
        }
    }

    func run() throws {
        let opened = try global.open(for: .writing)
        let found = try RecordReferences(opened: opened).resolve(reference)
        let schema = found.table.schema
        var fields: [String: String] = [:]
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]), value = String(parts[1])
            guard let field = schema.fields.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
                throw CommandError("\(schema.displayName) has no field \"\(name)\". Fields: \(schema.fieldNames.joined(separator: ", ")).",
                                   usage: true)
            }
            if field.name == schema.nameField, schema.composedNameFields != nil {
                throw CommandError("\(field.name) is made from \(schema.composedNameFields?.joined(separator: " and ") ?? ""); set those.",
                                   usage: true)
            }
            if field.kind == .decimal, !value.isEmpty, !FieldValue.isNumber(value) {
                throw CommandError("\(field.name) takes a number; \"\(value)\" is not one.", usage: true)
            }
            if let refusal = FieldRefusal.of(value, in: field) {
                throw CommandError("\(field.name): \(refusal); nothing was written.", usage: true)
            }
            fields[field.name] = value
        }
        // Written on the version read above: an edit someone else made in between is never overwritten.
        let stamp: Timestamp
        do {
            stamp = try found.table.write(.update(id: found.record.id, fields: fields, expected: found.record.modifiedAt))
        } catch RecordSourceError.changedElsewhere {
            throw CommandError("\(Console.safe(found.label)) was changed by someone else while this ran; nothing was written. Run the command again.")
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            Console.out("\(Console.safe(found.label)): \(name) \"\(Console.safe(found.record[name]))\" → \"\(Console.safe(value))\"")
        }
        Console.out("modified at \(stamp)")
    }
}
