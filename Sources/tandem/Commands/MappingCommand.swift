import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping", abstract: tr("Change a mapping: its direction, conflict policies, and which fields take part."))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(tr("CUSTOMER or CONTACT.")))
    var name: String
    @Option(help: ArgumentHelp(tr("bidirectional, toCRM or fromCRM.")))
    var direction: MappingDirection?
    @Option(help: ArgumentHelp(tr("none, sendERP or getCRM.")))
    var updateConflict: UpdateConflictPolicy?
    @Option(help: ArgumentHelp(tr("none, restore or removeCoupling.")))
    var deletionConflict: DeletionConflictPolicy?
    @Option(help: ArgumentHelp(tr("true: synchronize only coupled records (the default); false: sync --all also creates and couples the uncoupled records within the filter."),
                               valueName: "true|false"))
    var onlyCoupled: Bool?
    @Option(help: ArgumentHelp(tr("Enable a field mapping (by its ERP or CRM field name).")))
    var enable: [String] = []
    @Option(help: ArgumentHelp(tr("Disable a field mapping.")))
    var disable: [String] = []
    @Option(help: ArgumentHelp(tr("Replace the ERP filter: conditions Field=Value, Field!=Value, Field= (blank), Field!= (not blank), joined by ;; \"\" for none."),
                               valueName: "conditions"))
    var erpFilter: String?
    @Option(help: ArgumentHelp(tr("Replace the CRM filter, the same way."), valueName: "conditions"))
    var crmFilter: String?
    @Option(help: ArgumentHelp(tr("Give a field a constant (the value written instead of the other side's): FIELD=VALUE; FIELD= removes it."),
                               valueName: "field=value"))
    var constant: [String] = []
    @Option(help: ArgumentHelp(tr("A field's own direction: FIELD=bidirectional, toCRM or fromCRM."), valueName: "field=direction"))
    var fieldDirection: [String] = []
    @Option(help: ArgumentHelp(tr("What a blank ERP value stands for in the CRM: FIELD=VALUE (\"Currency Code=EUR\": Business Central's blank local currency); FIELD= removes it."),
                               valueName: "field=value"))
    var erpBlank: [String] = []

    func run() throws {
        let store = try global.open(for: .writing).workspace.store
        var mapping = try store.mapping(named: name)
        if let erpFilter { mapping.erpFilter = try Self.filter(erpFilter, table: mapping.erpTable, on: .erp) }
        if let crmFilter { mapping.crmFilter = try Self.filter(crmFilter, table: mapping.crmTable, on: .crm) }
        for entry in constant {
            let (field, value) = try Self.assignment(entry)
            let index = try fieldIndex(field, in: mapping)
            mapping.fields[index].constant = value.isEmpty ? nil : value
        }
        for entry in erpBlank {
            let (field, value) = try Self.assignment(entry)
            mapping.fields[try fieldIndex(field, in: mapping)].erpBlankMeans = value.isEmpty ? nil : value
        }
        for entry in fieldDirection {
            let (field, value) = try Self.assignment(entry)
            guard let direction = MappingDirection(rawValue: value) else {
                throw CommandError(.usage, tr("\"{0}\" is not a direction: bidirectional, toCRM or fromCRM.", Console.safe(value)), usage: true)
            }
            mapping.fields[try fieldIndex(field, in: mapping)].direction = direction
        }
        if let direction { mapping.direction = direction }
        if let updateConflict { mapping.updateConflict = updateConflict }
        if let deletionConflict { mapping.deletionConflict = deletionConflict }
        if let onlyCoupled { mapping.onlyCoupled = onlyCoupled }
        for (names, enabled) in [(enable, true), (disable, false)] {
            for field in names { mapping.fields[try fieldIndex(field, in: mapping)].isEnabled = enabled }
        }
        try store.save(mapping)
        Console.out("\(mapping.name): \(mapping.direction.rawValue) · "
                    + tr("update conflicts: {0} · deletion conflicts: {1} · {2} of {3} fields enabled.", mapping.updateConflict.rawValue,
                         mapping.deletionConflict.rawValue, mapping.enabledFields.count, mapping.fields.count))
        Console.out(tr("ERP filter: {0} · CRM filter: {1}", Console.safe(mapping.erpFilter.summary), Console.safe(mapping.crmFilter.summary)))
        if !mapping.onlyCoupled { Console.out(MappingsCommand.scope(mapping) + ".") }
        for field in mapping.fields where field.constant != nil || field.direction != .bidirectional || field.erpBlankMeans != nil {
            Console.out("  \(field.erpField) ↔ \(field.crmField): \(field.direction.rawValue)"
                        + (field.constant.map { tr(" · constant \"{0}\"", Console.safe($0)) } ?? "")
                        + (field.erpBlankMeans.map { tr(" · a blank ERP value is \"{0}\"", Console.safe($0)) } ?? ""))
        }
    }

    private func fieldIndex(_ field: String, in mapping: TableMapping) throws -> Int {
        guard let index = mapping.fields.firstIndex(where: {
            $0.erpField.caseInsensitiveCompare(field) == .orderedSame || $0.crmField.caseInsensitiveCompare(field) == .orderedSame
        }) else {
            throw CommandError(.unknownField, tr("The {0} mapping has no field \"{1}\".", mapping.name, Console.safe(field)), usage: true)
        }
        return index
    }

    /// `FIELD=VALUE` split at the first `=`.
    private static func assignment(_ text: String) throws -> (String, String) {
        guard let equals = text.firstIndex(of: "=") else {
            throw CommandError(.usage, tr("\"{0}\" is not FIELD=VALUE.", Console.safe(text)), usage: true)
        }
        return (String(text[..<equals]).trimmingCharacters(in: .whitespaces), String(text[text.index(after: equals)...]))
    }

    /// A filter from `;`-joined conditions on the table's own fields.
    private static func filter(_ text: String, table: String, on side: Side) throws -> RecordFilter {
        guard let schema = StandardTables.table(table, on: side) else { throw CommandError(.unknownTable, tr("No table {0}.", table)) }
        let parts = text.split(separator: ";").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return RecordFilter(try parts.map { part in
            guard let condition = FilterCondition(parsing: part) else {
                throw CommandError(.usage, tr("\"{0}\" is not a condition like Field=Value.", Console.safe(part)), usage: true)
            }
            guard schema.field(named: condition.field) != nil else {
                throw CommandError(.unknownField, tr("{0} has no field \"{1}\".", Captions.table(schema), Console.safe(condition.field)), usage: true)
            }
            return condition
        })
    }
}
