import Foundation
import Testing
import TandemTestSupport

/// `tandem watch` as a team runs it: real separate processes on one workspace (a folder, and a
/// PostgreSQL database when the test server is there) — two watchers and a person editing at once,
/// a watcher killed with SIGKILL in the middle of a run, and a database connection lost under a
/// running watcher.
@Suite(.serialized) struct WatchProcessTests {
    /// The mapped fields the generator and the person change, ERP caption → CRM field.
    static let watchedFields = [("City", "address1_city"), ("Phone No.", "telephone1"), ("Post Code", "address1_postalcode"),
                                ("Home Page", "websiteurl"), ("Address 2", "address1_line2")]

    /// What the workspace holds: customers by No., accounts by id, and each customer's account.
    struct Holdings {
        var customers: [String: [String: String]] = [:]
        var accounts: [String: [String: String]] = [:]
        var accountOf: [String: String] = [:]

        init(_ place: WorkspacePlace) throws {
            for record in try place.records("customers") {
                let number = record["number"] as? String ?? ""
                customers[number] = record["fields"] as? [String: String] ?? [:]
                if let coupling = record["coupling"] as? [String: Any], let crmID = coupling["crmId"] as? String {
                    accountOf[number] = crmID
                }
            }
            for record in try place.records("accounts") {
                accounts[record["id"] as? String ?? ""] = record["fields"] as? [String: String] ?? [:]
            }
        }

        /// The customers whose account differs from them in a watched field, with that field.
        var outOfStep: [String] {
            accountOf.sorted { $0.key < $1.key }.compactMap { number, crmID in
                let erp = customers[number] ?? [:], crm = accounts[crmID] ?? [:]
                return WatchProcessTests.watchedFields.first { erp[$0.0] != crm[$0.1] }.map { "\(number) \($0.0)" }
            }
        }
    }

    /// Waits until `file` holds `text` after `offset` characters, or `seconds` pass.
    static func wait(for text: String, in file: String, after offset: Int = 0, seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            if let content = try? String(contentsOfFile: file, encoding: .utf8), content.dropFirst(offset).contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    @Test(arguments: WorkspacePlace.Store.available)
    func twoWatchersAndAPersonEditingLoseNoEditDuplicateNothingAndConverge(_ store: WorkspacePlace.Store) throws {
        let place = try WorkspacePlace(store)
        defer { place.remove() }
        let customers = 20_000
        #expect(try place.run("generate", "--customers", "\(customers)", "--coupled", "1", "--changed-erp", "0.3",
                              "--changed-crm", "0.2", "--conflicts", "0").status == 0)
        let before = try Holdings(place)
        let outputs = (1...2).map { place.file("watch-\($0).log") }
        let watchers = try outputs.map { try place.start(["watch", "--every", "1s"], output: $0) }
        // A person edits customers in the ERP and accounts in the CRM while both watchers run.
        var random = SeededRandom(seed: 14)
        let edits = EditLog()
        for edit in 1...90 {
            let number = String(format: "C%05d", Int.random(in: 1...customers, using: &random))
            if edit % 3 == 0, let account = before.accountOf[number] {
                let value = "Floor \(edit)"
                let result = try place.run("set", account, "address1_line2=\(value)")
                edits.record(number: "crm " + account, value: value, status: result.status, error: result.err,
                             duringSync: watchers.allSatisfy(\.isRunning))
            } else {
                let value = "P-\(edit)"
                let result = try place.run("set", number, "Post Code=\(value)")
                edits.record(number: number, value: value, status: result.status, error: result.err,
                             duringSync: watchers.allSatisfy(\.isRunning))
            }
        }
        Thread.sleep(forTimeInterval: 1.5)
        for watcher in watchers {
            #expect(watcher.isRunning, "a watcher stopped on its own")
            watcher.terminate()
            watcher.waitUntilExit()
            #expect(watcher.terminationStatus == 0)
        }
        for output in outputs {
            let log = try String(contentsOfFile: output, encoding: .utf8)
            #expect(log.contains("Stopped on request") && log.contains("CUSTOMER: "), "\(log.suffix(2_000))")
        }
        let last = try place.run("watch", "--once")
        #expect(last.status == 0, "\(last.out)\(last.err)")
        let after = try Holdings(place)
        let (kept, refused, duringSync) = edits.summary()
        #expect(duringSync == kept.count && kept.count >= 60, "\(kept.count) edits kept, \(refused)")
        // Nothing duplicated, nothing uncoupled, every pair in step, every kept edit where it was made.
        #expect(after.customers.count == customers && after.accounts.count == customers)
        #expect(after.accountOf == before.accountOf)
        #expect(after.outOfStep.isEmpty, "\(after.outOfStep.prefix(10))")
        for (key, value) in kept {
            if key.hasPrefix("crm ") {
                #expect(after.accounts[String(key.dropFirst(4))]?["address1_line2"] == value, "\(key) lost \(value)")
            } else {
                #expect(after.customers[key]?["Post Code"] == value, "\(key) lost \(value)")
            }
        }
        // No pair was taken by both watchers at once: each pair changed before they started was written
        // once, plus once per edit at most, and only the person's edits can have made a write meet a
        // version it did not plan from.
        let changedBefore = before.accountOf.filter { number, crmID in
            WatchProcessTests.watchedFields.contains { before.customers[number]?[$0.0] != before.accounts[crmID]?[$0.1] }
        }.count
        let counters = try place.jobs().compactMap { $0["counters"] as? [String: Int] }
        let written = counters.reduce(0) { $0 + ($1["modified"] ?? 0) }, metEdits = counters.reduce(0) { $0 + ($1["changedElsewhere"] ?? 0) }
        #expect(written <= changedBefore + kept.count && metEdits <= kept.count, "\(written) writes, \(metEdits) met edits")
        // The changes made before the watchers started arrived too (both directions were merged).
        let websites = before.accountOf.filter { before.accounts[$0.value]?["websiteurl"]?.hasPrefix("https://www.example.com/") ?? false }
        #expect(!websites.isEmpty && websites.allSatisfy { after.customers[$0.key]?["Home Page"] == before.accounts[$0.value]?["websiteurl"] })
    }

    @Test(arguments: WorkspacePlace.Store.available)
    func aWatcherKilledMidRunLeavesItsPairsToTheNextOne(_ store: WorkspacePlace.Store) throws {
        let place = try WorkspacePlace(store)
        defer { place.remove() }
        #expect(try place.run("generate", "--customers", "2500", "--coupled", "1", "--changed-erp", "0.7",
                              "--changed-crm", "0", "--conflicts", "0").status == 0)
        let seed = UInt64(ProcessInfo.processInfo.environment["TANDEM_KILL_SEED"] ?? "") ?? 1_414
        var random = SeededRandom(seed: seed)
        let watcher = try place.start(["watch", "--once"], output: place.file("killed.log"))
        // Killed once its job has begun, after a seeded delay: in the middle of claiming and writing.
        let deadline = Date(timeIntervalSinceNow: 60)
        while watcher.isRunning, Date() < deadline, try place.jobs().isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.4, using: &random))
        let killedMidRun = watcher.isRunning
        kill(watcher.processIdentifier, SIGKILL)
        watcher.waitUntilExit()
        #expect(killedMidRun, "seed \(seed): the run ended before the kill")
        let next = try place.run("watch", "--once")
        #expect(next.status == 0, "seed \(seed): \(next.out)\(next.err)")
        let after = try Holdings(place)
        #expect(after.outOfStep.isEmpty, "seed \(seed): \(after.outOfStep.prefix(10))")
        #expect(after.customers.count == 2_500 && after.accounts.count == 2_500 && Set(after.accountOf.values).count == 2_500)
        let jobs = try place.jobs()
        #expect(jobs.contains { $0["interrupted"] as? Bool == true }, "seed \(seed): \(jobs)")
        #expect(jobs.allSatisfy { $0["finishedAt"] != nil || $0["interrupted"] as? Bool == true })
    }

    @Test(arguments: WorkspacePlace.Store.available.filter { $0 == .postgres })
    func aLostConnectionFailsOneRunAndTheNextGoesThrough(_ store: WorkspacePlace.Store) throws {
        let place = try WorkspacePlace(store)
        defer { place.remove() }
        let database = try #require(place.database)
        #expect(try place.run("generate", "--customers", "1500", "--coupled", "1", "--changed-erp", "0.5",
                              "--changed-crm", "0", "--conflicts", "0").status == 0)
        let output = place.file("watch.log")
        // A statement the cut connection never answers is given up after 15 s instead of 10 minutes.
        let watcher = try place.start(["watch", "--every", "1s"], output: output, environment: ["TANDEM_POSTGRES_TIMEOUT": "15"])
        defer { if watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) } }
        // Every connection to the database is cut, again and again, until a run says it failed.
        let deadline = Date(timeIntervalSinceNow: 60)
        var failed = false
        while !failed, watcher.isRunning, Date() < deadline {
            try database.disconnectOthers()
            Thread.sleep(forTimeInterval: 0.05)
            failed = ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").contains("The run failed")
        }
        #expect(failed && watcher.isRunning)
        let offset = try String(contentsOfFile: output, encoding: .utf8).count
        #expect(Self.wait(for: "CUSTOMER: ", in: output, after: offset, seconds: 60), "no run went through after the failure")
        watcher.terminate()
        watcher.waitUntilExit()
        #expect(watcher.terminationStatus == 0)
        #expect(try place.run("watch", "--once").status == 0)
        #expect(try Holdings(place).outOfStep.isEmpty)
    }
}
