import ArgumentParser
import TandemCore
import TandemSQLite

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
                throw CommandError(.unknownField, "\(schema.displayName) has no field \"\(name)\". Fields: \(schema.fieldNames.joined(separator: ", ")).",
                                   usage: true)
            }
            if field.kind == .decimal, !value.isEmpty, !FieldValue.isNumber(value) {
                throw CommandError(.valueRefused, "\(field.name) takes a number; \"\(value)\" is not one.", usage: true)
            }
            if let refusal = FieldRefusal.of(value, in: field) {
                throw CommandError(.valueRefused, "\(field.name): \(refusal); nothing was written.", usage: true)
            }
            fields[field.name] = value
        }
        // A person's name is made from its parts; a record that keeps its own (a company contact) takes one.
        if fields[schema.nameField] != nil, schema.composesName(found.record.fields.merging(fields) { $1 }) {
            throw CommandError(.usage, "\(schema.nameField) is made from \(schema.composedNameFields?.joined(separator: " and ") ?? ""); set those.",
                               usage: true)
        }
        // Written on the version read above: an edit someone else made in between is never overwritten.
        let stamp: Timestamp
        do {
            stamp = try found.table.write(.update(id: found.record.id, fields: fields, expected: found.record.modifiedAt))
        } catch RecordSourceError.changedElsewhere {
            throw CommandError(.changedElsewhere, "\(Console.safe(found.label)) was changed by someone else while this ran; nothing was written. Run the command again.")
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            Console.out("\(Console.safe(found.label)): \(name) \"\(Console.safe(found.record[name]))\" → \"\(Console.safe(value))\"")
        }
        Console.out("modified at \(stamp)")
    }
}
