import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: tr("Create a large, deterministic workspace for tests and benchmarks."))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(tr("How many customers (each with an account in the CRM).")))
    var customers: Int
    @Option(help: ArgumentHelp(tr("How many contacts in all (spread over the customers).")))
    var contacts = 0
    @Option(help: ArgumentHelp(tr("The random seed: the same seed gives the same workspace.")))
    var seed: UInt64 = 1
    @Option(help: ArgumentHelp(tr("Share of customers coupled to their account (0…1).")))
    var coupled = 0.8
    @Option(help: ArgumentHelp(tr("Share of coupled pairs changed in the ERP since the last sync.")))
    var changedERP = 0.3
    @Option(help: ArgumentHelp(tr("Share of coupled pairs changed in the CRM since the last sync.")))
    var changedCRM = 0.1
    @Option(help: ArgumentHelp(tr("Share of coupled pairs changed on both sides, in the same field.")))
    var conflicts = 0.05
    @Flag(help: ArgumentHelp(tr("Replace an existing workspace.")))
    var force = false
    @OptionGroup var confirmation: Confirmation

    func validate() throws {
        guard customers > 0 else { throw ValidationError(tr("--customers must be at least 1.")) }
        for (name, value) in [("coupled", coupled), ("changed-erp", changedERP), ("changed-crm", changedCRM), ("conflicts", conflicts)]
        where !(0...1).contains(value) {
            throw ValidationError(tr("--{0} is a share between 0 and 1.", name))
        }
        guard changedERP + changedCRM + conflicts <= 1 else {
            throw ValidationError(tr("--changed-erp, --changed-crm and --conflicts add up to more than 1."))
        }
    }

    func run() throws {
        let location = global.folder, name = WorkspaceReplacement.name(of: location)
        let exists = try WorkspaceReplacement.exists(at: location)
        if exists && !force { throw CommandError(.workspaceExists, tr("A workspace already exists at {0}; use --force to replace it.", name)) }
        if exists { try confirmation.require(tr("Replace the workspace at {0}, its couplings and job log included?", name)) }
        var generator = WorkspaceGenerator(customers: customers)
        generator.contacts = contacts
        generator.seed = seed
        generator.coupledShare = coupled
        generator.erpChangedShare = changedERP
        generator.crmChangedShare = changedCRM
        generator.conflictShare = conflicts
        // Generated beside an existing workspace first: a failure half-way must not cost the old one.
        let summary = try WorkspaceReplacement.make(at: location, replacing: exists) { try generator.generate(into: $0).1 }
        Console.out(tr("Generated {0} at {1}.", summary, name))
    }
}
