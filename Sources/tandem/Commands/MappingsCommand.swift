import ArgumentParser
import TandemCore
import TandemSQLite

extension MappingDirection: ExpressibleByArgument {}
extension UpdateConflictPolicy: ExpressibleByArgument {}
extension DeletionConflictPolicy: ExpressibleByArgument {}

struct MappingsCommand: ParsableCommand, JSONOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "mappings", abstract: tr("The table mappings and their field mappings."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let opened = try global.open(for: .reading)
        let mappings = try opened.workspace.store.mappings()
        if output.json { return try Console.printJSON(mappings) }
        let sides = opened.connected.connectedServices
        for mapping in mappings {
            let labels = LabelColumn([tr("filters"), tr("conflicts"), tr("records"), tr("depends on"), tr("connected")])
            Console.out("\(mapping.name): \(mapping.caption(nil)) · \(mapping.direction.rawValue)")
            Console.out(labels.line(tr("filters"), "ERP: \(mapping.erpFilter.summary) · CRM: \(mapping.crmFilter.summary)"))
            Console.out(labels.line(tr("conflicts"), tr("update: {0} · deletion: {1}", mapping.updateConflict.rawValue,
                                                        mapping.deletionConflict.rawValue)))
            Console.out(labels.line(tr("records"), Self.scope(mapping)))
            if !mapping.dependsOn.isEmpty { Console.out(labels.line(tr("depends on"), mapping.dependsOn.joined(separator: ", "))) }
            for note in ConnectionNote.notes(for: mapping, sides: sides) { Console.out(labels.line(tr("connected"), note.text)) }
            var table = TextTable([tr("ERP field"), tr("CRM field"), tr("Direction"), tr("Enabled"), tr("Match"), tr("Constant"),
                                   tr("Lookup"), tr("ERP blank is")].map { TextTable.Column(title: $0, maxWidth: 28) })
            for field in mapping.fields {
                let match = field.matchOn ? "@\(field.matchPriority)\(field.caseSensitive ? " cs" : "")" : ""
                table.add([field.erpField, field.crmField, field.direction.rawValue, field.isEnabled ? tr("yes") : tr("no"),
                           match, field.constant ?? "", field.lookupMapping ?? "", field.erpBlankMeans ?? ""])
            }
            Console.out(table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            Console.out()
        }
    }

    /// Which records a sync of every pair takes (Business Central's "Synch. Only Coupled Records").
    static func scope(_ mapping: TableMapping) -> String {
        mapping.onlyCoupled ? tr("only coupled records are synchronized")
                            : tr("sync --all also creates and couples the uncoupled records within the filter")
    }
}
