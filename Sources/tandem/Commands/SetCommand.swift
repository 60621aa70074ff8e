import ArgumentParser
import TandemCore
import TandemSQLite

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: tr("Edit fields of one record on its own side, as a user would in the ERP or the CRM."))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(tr("An ERP No. or a CRM id.")))
    var reference: String
    @Argument(help: ArgumentHelp(tr("FIELD=VALUE pairs.")))
    var assignments: [String]

    func validate() throws {
        guard !assignments.isEmpty else { throw ValidationError(tr("Give at least one FIELD=VALUE.")) }
        for assignment in assignments where !assignment.contains("=") {
            throw ValidationError(tr("\"{0}\" is not FIELD=VALUE.", assignment))
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
                throw CommandError(.unknownField, tr("{0} has no field \"{1}\". Fields: {2}.", Captions.table(schema), name, schema.fieldNames.joined(separator: ", ")),
                                   usage: true)
            }
            if field.kind == .decimal, !value.isEmpty, !FieldValue.isNumber(value) {
                throw CommandError(.valueRefused, tr("{0} takes a number; \"{1}\" is not one.", field.name, value), usage: true)
            }
            if let refusal = FieldRefusal.of(value, in: field) {
                throw CommandError(.valueRefused, tr("{0}: {1}; nothing was written.", field.name, refusal), usage: true)
            }
            fields[field.name] = value
        }
        // A person's name is made from its parts; a record that keeps its own (a company contact) takes one.
        if fields[schema.nameField] != nil, schema.composesName(found.record.fields.merging(fields) { $1 }) {
            throw CommandError(.usage, tr("{0} is made from {1}; set those.", schema.nameField, schema.composedNameFields?.joined(separator: tr(" and ")) ?? ""),
                               usage: true)
        }
        // Written on the version read above: an edit someone else made in between is never overwritten.
        let stamp: Timestamp
        do {
            stamp = try found.table.write(.update(id: found.record.id, fields: fields, expected: found.record.modifiedAt))
        } catch RecordSourceError.changedElsewhere {
            throw CommandError(.changedElsewhere, tr("{0} was changed by someone else while this ran; nothing was written. Run the command again.", Console.safe(found.label)))
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            Console.out("\(Console.safe(found.label)): \(name) \"\(Console.safe(found.record[name]))\" → \"\(Console.safe(value))\"")
        }
        Console.out(tr("modified at {0}", stamp))
    }
}
