import Foundation
import Testing
import TandemEmulator

/// `tandem pull` killed with SIGKILL at seeded random moments, while someone keeps editing in
/// Dataverse: each pull stores a page with its cursor in one transaction, so the next one resumes
/// where the stored state says. In the end the replica holds every account exactly once, with the
/// service's current values.
@Suite(.serialized, .timeLimit(.minutes(3))) struct PullKillTests {
    @Test(arguments: [UInt64(7), 2026])
    func aPullKilledAtRandomResumesWithoutDuplicatesOrSkips(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let emulator = DataverseEmulator()
        try emulator.start()
        defer { emulator.stop() }
        emulator.seedAccounts(count: 12_000)
        let cli = CLIHarness()
        defer { cli.folder.remove() }
        let environment = ["TANDEM_CRM_TENANT_ID": emulator.tenant, "TANDEM_CRM_CLIENT_ID": "tandem-client",
                           "TANDEM_CRM_CLIENT_SECRET": "tandem-secret", "TANDEM_AUTHORITY_URL": emulator.authorityURL.absoluteString]
        #expect(try cli.run("init", "--empty").status == 0)
        let connect = try cli.run(["connect", "crm", "dataverse", emulator.baseURL.absoluteString], environment: environment)
        #expect(connect.status == 0, "\(connect.err)")

        var killed = 0
        for round in 0..<4 {
            // Another user edits a few accounts, some already pulled, some not yet.
            let accounts = emulator.accounts()
            for _ in 0..<5 {
                let account = accounts[Int.random(in: 0..<accounts.count, using: &random)]
                guard let id = account["accountid"]?.stringValue else { continue }
                _ = try emulator.editAccount(id: id, ["name": .string("Edited \(round) \(id.prefix(8))")])
            }
            let pull = try cli.start(["pull"], environment: environment)
            Thread.sleep(forTimeInterval: Double(Int.random(in: 50...1_500, using: &random)) / 1_000)
            if pull.isRunning {
                kill(pull.processIdentifier, SIGKILL)
                killed += 1
            }
            pull.waitUntilExit()
        }
        let last = try cli.run(["pull"], environment: environment)
        #expect(last.status == 0, "\(last.out)\(last.err)")

        let export = cli.folder.file("accounts.csv")
        #expect(try cli.run("export", "crm", "account", export).status == 0)
        let lines = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n").dropFirst()
        var names: [String: String] = [:]
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(names.updateValue(String(cells[2]), forKey: String(cells[0])) == nil, "pulled twice: \(cells[0])")
        }
        let service = Dictionary(uniqueKeysWithValues: emulator.accounts().compactMap { account in
            account["accountid"]?.stringValue.map { ($0, account["name"]?.stringValue ?? "") }
        })
        let missing = service.keys.filter { names[$0] == nil }
        let stale = service.filter { id, name in names[id].map { $0 != name } ?? false }
        let extra = names.keys.filter { service[$0] == nil }
        #expect(missing.isEmpty && stale.isEmpty && extra.isEmpty,
                "after \(killed) kills: \(missing.count) missing, \(stale.count) stale, \(extra.count) not in the service")
    }
}
