import ArgumentParser
import TandemCore
import TandemSQLite

extension MappingDirection: ExpressibleByArgument {}
extension UpdateConflictPolicy: ExpressibleByArgument {}
extension DeletionConflictPolicy: ExpressibleByArgument {}

struct MappingsCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "mappings", abstract: "The table mappings and their field mappings.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let mappings = try global.open(for: .reading).workspace.store.mappings()
        if output.json { return try Console.printJSON(mappings) }
        for mapping in mappings {
            Console.out("\(mapping.name): \(mapping.caption(nil)) · \(mapping.direction.rawValue)")
            Console.out("  filters        ERP: \(mapping.erpFilter.summary) · CRM: \(mapping.crmFilter.summary)")
            Console.out("  conflicts      update: \(mapping.updateConflict.rawValue) · deletion: \(mapping.deletionConflict.rawValue)")
            Console.out("  records        \(Self.scope(mapping))")
            if !mapping.dependsOn.isEmpty { Console.out("  depends on     \(mapping.dependsOn.joined(separator: ", "))") }
            var table = TextTable(["ERP field", "CRM field", "Direction", "Enabled", "Match", "Constant", "Lookup"].map {
                TextTable.Column(title: $0, maxWidth: 28)
            })
            for field in mapping.fields {
                let match = field.matchOn ? "@\(field.matchPriority)\(field.caseSensitive ? " cs" : "")" : ""
                table.add([field.erpField, field.crmField, field.direction.rawValue, field.isEnabled ? "yes" : "no",
                           match, field.constant ?? "", field.lookupMapping ?? ""])
            }
            Console.out(table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            Console.out()
        }
    }

    /// Which records a sync of every pair takes (Business Central's "Synch. Only Coupled Records").
    static func scope(_ mapping: TableMapping) -> String {
        mapping.onlyCoupled ? "only coupled records are synchronized"
                            : "sync --all also creates and couples the uncoupled records within the filter"
    }
}
