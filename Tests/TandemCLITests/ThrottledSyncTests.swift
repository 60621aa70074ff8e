import Foundation
import Testing
import TandemEmulator

/// A sync that Dataverse throttles says so while it waits, on a terminal, and says afterwards how long
/// it waited in all, in any log: progress that shows waiting honestly, not a frozen count.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ThrottledSyncTests {
    @Test func aThrottledSyncShowsTheWaitAsItHappensAndTellsTheTotalAfterwards() throws {
        let emulator = DataverseEmulator()
        try emulator.start()
        defer { emulator.stop() }
        emulator.acceptToken("throttled-sync-token")
        let environment = ["TANDEM_CRM_TOKEN": "throttled-sync-token"]
        let cli = CLIHarness()
        defer { cli.remove() }
        #expect(try cli.run("init", "--empty", "--yes").status == 0)
        let csv = cli.folder.file("customers.csv")
        try "No.,Name,City\nT001,Throttle One,Gent\nT002,Throttle Two,Brugge\nT003,Throttle Three,Namur\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try cli.run("import", "erp", "Customer", csv).status == 0)
        #expect(try cli.run(["connect", "crm", "dataverse", emulator.baseURL.absoluteString], environment: environment).status == 0)
        #expect(try cli.run("mapping", "CUSTOMER", "--only-coupled", "false").status == 0)
        #expect(try cli.run(["pull"], environment: environment).status == 0)

        // The next two requests (the batch, then the batch again) are answered 429, Retry-After: 1.
        emulator.throttleNext(2, retryAfter: 1)
        let command = "'\(CLIHarness.binary)' sync --all --mapping CUSTOMER --direction to-crm --no-pull --workspace '\(cli.workspace)'"
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let onTerminal = try cli.run(["-qec", command, "/dev/null"], environment: environment, wrapper: ["/usr/bin/script"], binary: false)
        #expect(onTerminal.out.contains("CUSTOMER: starting… — waiting 1 s for Dataverse (throttled)"), "\(onTerminal.out)")
        #expect(onTerminal.out.contains("CUSTOMER: waited 2 s for Dataverse (throttling, a busy service or lost answers)."),
                "\(onTerminal.out)")
        #expect(emulator.accounts().count == 3)

        // In a pipe: no progress line, but the total still shows where the time went.
        try "No.,Name,City\nT001,Throttle One,Oostende\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try cli.run("import", "erp", "Customer", csv).status == 0)
        emulator.throttleNext(1, retryAfter: 1)
        let piped = try cli.run(["sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm", "--no-pull"],
                                environment: environment)
        #expect(piped.status == 0, "\(piped.out)\(piped.err)")
        #expect(!piped.err.contains("waiting") && !piped.err.contains("\r"), "\(piped.err)")
        #expect(piped.err.contains("CUSTOMER: waited 1 s for Dataverse"), "\(piped.err)")
        #expect(emulator.countAccounts(where: "address1_city", equals: .string("Oostende")) == 1)
    }
}
