import Foundation
import Testing
import TandemTestSupport

/// Real separate `tandem` processes on one workspace, as colleagues and a scheduled job run them:
/// racing creates and matches, edits made while a sync runs, and processes killed with SIGKILL at
/// seeded random points. Each test checks the workspace's files directly afterwards.
@Suite(.serialized) struct ConcurrentProcessTests {
    @Test func twoCreateNewRunsForOneCustomerCreateOneAccount() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("generate", "--customers", "12", "--coupled", "0")
        let files = WorkspaceFiles(folder: cli.workspace)
        try files.deleteUncoupledAccounts()
        for number in (1...12).map({ String(format: "C%05d", $0) }) {
            let racers = try (0..<2).map { _ in try cli.start(["couple", number, "--create-new"]) }
            for racer in racers { racer.waitUntilExit() }
            let statuses = racers.map(\.terminationStatus).sorted()
            #expect(statuses == [0, 1], "\(number): \(statuses)")
            #expect(try files.accounts(numbered: number) == 1, "\(number) was created more than once")
        }
        let state = try files.state()
        #expect(state.couplings.count == 12 && state.orphanAccounts.isEmpty && state.duplicateNumbers.isEmpty)
    }

    @Test func twoMatchRunsWithCreateNewLeaveNoDuplicateAndNoOrphan() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("generate", "--customers", "2000", "--coupled", "0")
        let files = WorkspaceFiles(folder: cli.workspace)
        try files.deleteUncoupledAccounts()
        let racers = try (0..<2).map { _ in try cli.start(["match", "--on", "E-Mail", "--create-new"]) }
        for racer in racers { racer.waitUntilExit() }
        let state = try files.state()
        #expect(state.accounts == 2000, "\(state.accounts) accounts for 2000 customers")
        #expect(state.duplicateNumbers.isEmpty && state.orphanAccounts.isEmpty && state.danglingCouplings.isEmpty)
        #expect(state.couplings.count == 2000 && state.unfinishedJobs.isEmpty)
    }

    @Test func editsMadeWhileASyncRunsAreKeptOrReportedNeverLost() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("generate", "--customers", "8000", "--coupled", "1", "--changed-crm", "0.6", "--changed-erp", "0",
                    "--conflicts", "0")
        let sync = try cli.start(["sync", "--all", "--direction", "from-crm"])
        // Four people edit at once, each in their own share of the customers, until the sync ends.
        let outcomes = EditLog()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            var random = SeededRandom(seed: UInt64(8 + worker))
            var edit = 0
            while edit < 150 && (sync.isRunning || edit < 3) {
                let wasRunning = sync.isRunning
                let number = String(format: "C%05d", 1 + worker + 4 * Int.random(in: 0..<2000, using: &random))
                edit += 1
                let value = "EDIT \(worker)-\(edit)"
                guard let result = try? cli.run("set", number, "Home Page=\(value)") else { continue }
                outcomes.record(number: number, value: value, status: result.status, error: result.err,
                                duringSync: wasRunning && sync.isRunning)
            }
        }
        sync.waitUntilExit()
        let (kept, refused, duringSync) = outcomes.summary()
        for error in refused { #expect(error.contains("changed by someone else"), "\(error)") }
        #expect(duringSync >= 3, "\(duringSync) edits ran while the sync did; the test proves little")
        let pages = try WorkspaceFiles(folder: cli.workspace).erpValues("Home Page", of: Array(kept.keys))
        let lost = kept.filter { pages[$0.key] != $0.value }
        #expect(lost.isEmpty, "\(lost.count) of \(kept.count) edits were overwritten (\(refused.count) refused): \(lost.prefix(3))")
    }

    /// 24 points per run, each on a fresh copy of one workspace, killed at a random moment of an
    /// operation's run; set TANDEM_KILL_SEED to replay a run.
    @Test func aProcessKilledAtRandomPointsLeavesNoDuplicateNoHalfCouplingAndNoEndlessJob() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("generate", "--customers", "1500", "--coupled", "0.4", "--changed-erp", "0.6")
        try WorkspaceFiles(folder: cli.workspace).deleteUncoupledAccounts()
        let seed = UInt64(ProcessInfo.processInfo.environment["TANDEM_KILL_SEED"] ?? "") ?? 20_261_125
        var random = SeededRandom(seed: seed)
        let operations: [[String]] = [
            ["match", "--on", "E-Mail", "--create-new"],
            ["sync", "--all", "--direction", "to-crm", "--force"],
            ["couple", "C00007", "--create-new"],
        ]
        // How long each operation takes here, uninterrupted: kills are spread over that time.
        var durations: [Double] = []
        for (index, arguments) in operations.enumerated() {
            let folder = try copy(cli.workspace, to: cli.folder.file("timing-\(index)"))
            let started = Date()
            try cli.run(arguments + ["--workspace", folder])
            durations.append(Date().timeIntervalSince(started))
        }
        var interrupted = 0
        for point in 0..<24 {
            let kind = point % operations.count
            let arguments = operations[kind]
            let folder = try copy(cli.workspace, to: cli.folder.file("point-\(point)"))
            let files = WorkspaceFiles(folder: folder)
            let delay = Int.random(in: 0...max(1, Int(durations[kind] * 1000)), using: &random)
            let process = try cli.start(arguments + ["--workspace", folder])
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let context = "seed \(seed), point \(point): \(arguments.joined(separator: " ")) killed after \(delay) ms"
            // The next command, whatever it is, ends the dead job: a reading one shows it interrupted
            // (writing nothing), the next writing one marks it so for good.
            let jobs = try #require(try cli.json("jobs", "--workspace", folder) as? [[String: Any]], "\(context)")
            #expect(jobs.allSatisfy { $0["finishedAt"] is String || $0["interrupted"] as? Bool == true },
                    "a job without an end: \(context)")
            interrupted += jobs.filter { $0["interrupted"] as? Bool == true }.count
            try cli.run("retry", "--all", "--workspace", folder)
            var state = try files.state()
            #expect(state.unfinishedJobs.isEmpty, "jobs \(state.unfinishedJobs) stayed without an end: \(context)")
            #expect(state.duplicateNumbers.isEmpty, "duplicates \(state.duplicateNumbers.prefix(3)): \(context)")
            #expect(state.danglingCouplings.isEmpty, "half-written couplings: \(context)")
            // The same operation run again finishes what the killed one left, creating nothing twice.
            try cli.run(arguments + ["--workspace", folder])
            if kind != 1 {
                let finished = try cli.run("match", "--on", "E-Mail", "--create-new", "--workspace", folder)
                #expect(finished.status == 0, "\(finished.err) \(context)")
                state = try files.state()
                #expect(state.orphanAccounts.isEmpty, "\(state.orphanAccounts.count) orphans: \(context)")
                #expect(state.couplings.count == 1500 && state.accounts == 1500, "\(context)")
                #expect(try files.intentCount() == 0, "\(context)")
            }
            state = try files.state()
            #expect(state.duplicateNumbers.isEmpty && state.danglingCouplings.isEmpty && state.unfinishedJobs.isEmpty,
                    "\(context)")
            try? FileManager.default.removeItem(atPath: folder)
        }
        #expect(interrupted >= 8, "only \(interrupted) of 24 kills landed inside a job; the test proves little (seed \(seed))")
    }

    /// A copy of a workspace's files in a new folder.
    private func copy(_ workspace: String, to folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["erp.sqlite", "crm.sqlite", "workspace.sqlite"] {
            for suffix in ["", "-wal"] {
                let source = (workspace as NSString).appendingPathComponent(name + suffix)
                guard FileManager.default.fileExists(atPath: source) else { continue }
                try FileManager.default.copyItem(atPath: source, toPath: (folder as NSString).appendingPathComponent(name + suffix))
            }
        }
        return folder
    }
}
