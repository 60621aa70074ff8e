import Foundation
import Testing
import TandemEmulator

/// A sync that Dataverse throttles says so while it waits, on a terminal, and says afterwards how long
/// it waited in all, in any log: progress that shows waiting honestly, not a frozen count. Batches
/// throttled together count once: the total is the time the job spent waiting, not the sum per batch.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ThrottledSyncTests {
    @Test func aThrottledSyncShowsTheWaitAsItHappensAndTellsTheTotalAfterwards() throws {
        let emulator = DataverseEmulator()   // hints 4 batches at once
        try emulator.start()
        defer { emulator.stop() }
        emulator.acceptToken("throttled-sync-token")
        let environment = ["TANDEM_CRM_TOKEN": "throttled-sync-token"]
        let cli = CLIHarness()
        defer { cli.remove() }
        #expect(try cli.run("init", "--empty", "--yes").status == 0)
        let csv = cli.folder.file("customers.csv")
        // 400 customers: four batches of 100, sent at once.
        try ("No.,Name,City\n" + (1...400).map { "T\($0),Throttle \($0),Gent\n" }.joined())
            .write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try cli.run("import", "erp", "Customer", csv).status == 0)
        #expect(try cli.run(["connect", "crm", "dataverse", emulator.baseURL.absoluteString], environment: environment).status == 0)
        #expect(try cli.run("mapping", "CUSTOMER", "--only-coupled", "false").status == 0)
        #expect(try cli.run(["pull"], environment: environment).status == 0)

        // All four batches are answered 429 with Retry-After: 2, then land.
        emulator.injectFault(.respond(status: 429, retryAfter: 2), method: "POST", pathContains: "$batch", times: 4)
        let command = "'\(CLIHarness.binary)' sync --all --mapping CUSTOMER --direction to-crm --no-pull --workspace '\(cli.workspace)'"
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let onTerminal = try cli.run(["-qec", command, "/dev/null"], environment: environment, wrapper: ["/usr/bin/script"], binary: false)
        #expect(onTerminal.out.contains("CUSTOMER: starting… — waiting 2 s for Dataverse (throttled)"), "\(onTerminal.out)")
        #expect(onTerminal.out.contains("CUSTOMER: waited 2 s for Dataverse (throttling, a busy service or lost answers)."),
                "\(onTerminal.out)")
        #expect(emulator.accounts().count == 400)

        // In a pipe: no progress line, but the total still shows where the time went.
        try "No.,Name,City\nT1,Throttle 1,Oostende\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try cli.run("import", "erp", "Customer", csv).status == 0)
        emulator.injectFault(.respond(status: 429, retryAfter: 1), method: "POST", pathContains: "$batch", times: 1)
        let piped = try cli.run(["sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm", "--no-pull"],
                                environment: environment)
        #expect(piped.status == 0, "\(piped.out)\(piped.err)")
        #expect(!piped.err.contains("waiting") && !piped.err.contains("\r"), "\(piped.err)")
        #expect(piped.err.contains("CUSTOMER: waited 1 s for Dataverse"), "\(piped.err)")
        #expect(emulator.countAccounts(where: "address1_city", equals: .string("Oostende")) == 1)
    }
}
