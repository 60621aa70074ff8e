import ArgumentParser
import Foundation
import TandemCore

/// `tandem watch`: synchronization that runs on its own, as Business Central's job queue runs
/// "Synchronize modified records" every 30 minutes. Each run pulls the connected sides, then takes
/// every mapping in dependency order; several workers, in one process or many, share the work by
/// claiming pairs (`SyncEngine.synchronizeModifiedShared`).
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: tr("Synchronize the modified records of every mapping on a schedule, until stopped."),
        discussion: tr("Each run pulls the connected sides, then synchronizes each mapping's modified records in dependency order: a one-way mapping in its direction, a two-way one merged field by field (true conflicts are refused and listed by the job). Each run of a mapping with something to do is a job in the log. Several watch processes, or --workers, share one workspace: each claims the pairs it synchronizes, so no pair is taken twice at once, and the pairs of a worker that died are taken over. A failed run (a lost database connection) is tried again; SIGTERM or SIGINT stops after the batch at hand."))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(tr("The time between runs: 90s, 30m, 2h."), valueName: "interval"))
    var every = WatchInterval(seconds: 1_800)
    @Option(help: ArgumentHelp(tr("Workers in this process, each on its own connection.")))
    var workers = 1
    @Option(help: ArgumentHelp(tr("SALESPEOPLE, CUSTOMER or CONTACT (default: every mapping).")))
    var mapping: String?
    @Flag(help: ArgumentHelp(tr("One run, then exit: 0 when every record went through, 1 otherwise.")))
    var once = false

    func validate() throws {
        guard (1...64).contains(workers) else { throw ValidationError(tr("--workers takes 1 to 64.")) }
    }

    func run() throws {
        let signals = StopSignals()
        let outcomes = WatchOutcomes()
        let threads = (1..<workers).map { index in
            Thread { outcomes.add(work(as: index + 1, signals: signals)) }
        }
        threads.forEach { $0.start() }
        outcomes.add(work(as: 1, signals: signals))
        outcomes.waitFor(count: workers)
        if signals.isStopped { Console.error(tr("Stopped on request; the batch at hand was finished.")) }
        if once && !outcomes.allClean { throw ExitCode(1) }
    }

    /// One worker's runs until a stop (or the one run of --once); true when every run went through.
    private func work(as number: Int, signals: StopSignals) -> Bool {
        let prefix = workers > 1 ? "[\(number)] " : ""
        var clean = true
        var failures = 0
        while !signals.isStopped {
            let pause: Double
            do {
                clean = try run(prefix: prefix, pulling: number == 1, signals: signals) && clean
                failures = 0
                pause = every.seconds
            } catch {
                clean = false
                failures += 1
                pause = min(every.seconds, 60, Double(1 << min(failures, 6)))
                let message = (error as? CommandError)?.message ?? "\(error)"
                Console.error(prefix + tr("The run failed: {0}. Trying again in {1} s.", Console.safe(message), Int(pause.rounded(.up))))
            }
            fflush(nil)  // each run's lines reach a log or a pipe as the run ends
            if once || signals.wait(upTo: pause) { break }
        }
        return clean
    }

    /// One run on a freshly opened workspace (a connection lost in an earlier run is made again);
    /// true when no record failed or was refused.
    private func run(prefix: String, pulling: Bool, signals: StopSignals) throws -> Bool {
        let opened = try global.open(for: .writing)
        if pulling { try global.pullConnectedSides(of: opened, quietly: false) }
        let store = opened.workspace.store
        let mappings = try mapping.map { [try store.mapping(named: $0)] } ?? MappingOrder.dependenciesFirst(try store.mappings())
        let engine = SyncEngine(workspace: opened.workspace)
        var clean = true
        let sides = opened.connected.connectedServices
        for mapping in mappings where !signals.isStopped {
            let stamp = TextWords.time(opened.workspace.clock.now())
            let choice = SyncChoice(scheduledFor: mapping.direction)
            // A mapping that would write a table the connected service does not carry is passed by,
            // each run, saying why, as `sync --all` does.
            if let note = ConnectionNote.writeBlocked(for: mapping, writing: choice.direction, sides: sides) {
                Console.out("\(prefix)\(stamp) \(mapping.name): " + tr("passed by.") + " " + note.text)
                continue
            }
            guard let result = try engine.synchronizeModifiedShared(mapping: mapping.name, choice: choice,
                                                                    progress: { _ in !signals.isStopped }) else {
                Console.out("\(prefix)\(stamp) \(mapping.name): " + tr("nothing changed."))
                continue
            }
            clean = clean && result.job.counters.skipped + result.job.counters.failed == 0
            Console.out("\(prefix)\(stamp) \(mapping.name): \(Console.safe(result.summary))" + tr(" (job {0})", result.job.id))
        }
        return clean
    }
}
