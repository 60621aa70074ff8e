import ArgumentParser
import TandemCore
import TandemSQLite

struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping", abstract: "Change a mapping: its direction, conflict policies, and which fields take part.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "CUSTOMER or CONTACT.")
    var name: String
    @Option(help: "bidirectional, toCRM or fromCRM.")
    var direction: MappingDirection?
    @Option(help: "none, sendERP or getCRM.")
    var updateConflict: UpdateConflictPolicy?
    @Option(help: "none, restore or removeCoupling.")
    var deletionConflict: DeletionConflictPolicy?
    @Option(help: "Enable a field mapping (by its ERP or CRM field name).")
    var enable: [String] = []
    @Option(help: "Disable a field mapping.")
    var disable: [String] = []

    func run() throws {
        let store = try global.open(for: .writing).workspace.store
        var mapping = try store.mapping(named: name)
        if let direction { mapping.direction = direction }
        if let updateConflict { mapping.updateConflict = updateConflict }
        if let deletionConflict { mapping.deletionConflict = deletionConflict }
        for (names, enabled) in [(enable, true), (disable, false)] {
            for field in names {
                guard let index = mapping.fields.firstIndex(where: {
                    $0.erpField.caseInsensitiveCompare(field) == .orderedSame || $0.crmField.caseInsensitiveCompare(field) == .orderedSame
                }) else {
                    throw CommandError("The \(mapping.name) mapping has no field \"\(field)\".", usage: true)
                }
                mapping.fields[index].isEnabled = enabled
            }
        }
        try store.save(mapping)
        Console.out("\(mapping.name): \(mapping.direction.rawValue) · update conflicts: \(mapping.updateConflict.rawValue) · "
              + "deletion conflicts: \(mapping.deletionConflict.rawValue) · \(mapping.enabledFields.count) of \(mapping.fields.count) fields enabled.")
    }
}
