import Foundation
import TandemCore
import TandemSQLite
import TandemViewModel

/// The operations measured, each with the workspace it runs on and, where there is one, its floor.
enum Benchmarks {
    /// Benchmarks measured round after round against a floor, on a fresh copy of one workspace.
    /// The floor of `modified` is the same pairs named by id (what syncing only those costs).
    /// The floor of `frames` is its opening's reads (the first page of each side and those rows'
    /// couplings); it reads the big lists and writes nothing, so its rounds share one copy.
    static let withFloor = ["sync", "match", "modified", "frames"]
    /// Benchmarks over the big lists, which they only read: prepared once, never copied.
    static let lists = ["paging", "frames"]
    static let names = withFloor + lists.filter { !withFloor.contains($0) }

    struct Sizes {
        var records: Int
        var pagingRecords: Int
        var rounds: Int
    }

    /// Generates the workspace a benchmark runs on.
    static func prepare(_ name: String, folder: String, sizes: Sizes) throws {
        var generator: WorkspaceGenerator
        switch name {
        case "sync":
            // Every customer coupled; about half changed in the ERP since the last sync.
            generator = WorkspaceGenerator(customers: sizes.records)
            generator.coupledShare = 1
            generator.erpChangedShare = 0.5
            generator.crmChangedShare = 0
            generator.conflictShare = 0
        case "match":
            // Nothing coupled; every customer has an account with its name and e-mail.
            generator = WorkspaceGenerator(customers: sizes.records)
            generator.coupledShare = 0
        case "modified":
            // Every customer coupled and in step, synchronized once (which earns the marks); then 1 %
            // changed in the ERP, their ids written down for the floor.
            generator = WorkspaceGenerator(customers: sizes.records)
            generator.coupledShare = 1
            generator.erpChangedShare = 0
            generator.crmChangedShare = 0
            generator.conflictShare = 0
            let (opened, _) = try generator.generate(into: folder)
            _ = try SyncEngine(workspace: opened.workspace)
                .synchronize(SyncRequest(mapping: DefaultMappings.customerName, selection: .allCoupled, choice: .toCRM))
            let customers = try opened.table(StandardTables.customer.name, on: .erp)
            var changed: [RecordID] = []
            var after: RecordID?
            while case let batch = try customers.scan(after: after, limit: 10_000), let last = batch.last {
                let picked = batch.enumerated().filter { $0.offset % 100 == 0 }.map(\.element)
                _ = try customers.apply(picked.map { .update(id: $0.id, fields: ["City": "Modified City"], expected: $0.modifiedAt) })
                changed += picked.map(\.id)
                after = last.id
            }
            try changed.map(\.rawValue).joined(separator: "\n")
                .write(toFile: changedIDsFile(in: folder), atomically: true, encoding: .utf8)
            return
        default:
            // paging and frames: one big list on each side, most of it coupled.
            generator = WorkspaceGenerator(customers: sizes.pagingRecords)
        }
        try generator.generate(into: folder)
    }

    /// Runs the operation on a prepared workspace, opening included.
    static func measure(_ name: String, folder: String) throws -> Figures {
        let start = Figures.now()
        let opened = try SQLiteWorkspace.open(at: folder, access: .writing)
        switch name {
        case "sync": return try sync(opened, start: start)
        case "match": return try match(opened, start: start)
        case "modified": return try modified(opened, start: start, selection: .modified)
        case "modified-all": return try modified(opened, start: start, selection: .allCoupled)
        case "frames": return try frames(opened)
        default: return try paging(opened)
        }
    }

    /// Runs the floor program of `name` on a prepared workspace, opening included.
    static func floor(_ name: String, folder: String) throws -> Figures {
        let start = Figures.now()
        let note: String
        switch name {
        case "sync": note = try SyncFloor.run(folder: folder)
        case "match": note = try MatchFloor.run(folder: folder)
        case "frames": return try FramesFloor.run(folder: folder)
        default:
            let ids = try String(contentsOfFile: changedIDsFile(in: folder), encoding: .utf8).split(separator: "\n").map { RecordID(String($0)) }
            return try modified(try SQLiteWorkspace.open(at: folder, access: .writing), start: start, selection: .records(.erp, ids))
        }
        return Figures(name: name + " floor", records: 0, seconds: Figures.now() - start, peakMegabytes: Figures.peakMegabytes(),
                       note: note)
    }

    /// Synchronizes every coupled customer to the CRM, as `tandem sync --all --direction to-crm` does.
    static func sync(_ opened: SQLiteWorkspace, start: Double) throws -> Figures {
        let result = try SyncEngine(workspace: opened.workspace)
            .synchronize(SyncRequest(mapping: DefaultMappings.customerName, selection: .allCoupled, choice: .toCRM))
        let seconds = Figures.now() - start
        let counters = result.job.counters
        return Figures(name: "sync", records: result.selected, seconds: seconds, peakMegabytes: Figures.peakMegabytes(),
                       note: "\(counters.modified) modified, \(counters.unchanged) unchanged, \(counters.failed) failed")
    }

    static func changedIDsFile(in folder: String) -> String { (folder as NSString).appendingPathComponent("changed-ids.txt") }

    /// Synchronizes `selection` to the CRM on the workspace where 1 % of the pairs changed.
    static func modified(_ opened: SQLiteWorkspace, start: Double, selection: RecordSelection) throws -> Figures {
        let result = try SyncEngine(workspace: opened.workspace)
            .synchronize(SyncRequest(mapping: DefaultMappings.customerName, selection: selection, choice: .toCRM))
        let seconds = Figures.now() - start
        let counters = result.job.counters
        return Figures(name: "modified", records: result.selected, seconds: seconds, peakMegabytes: Figures.peakMegabytes(),
                       note: "\(counters.modified) modified, \(counters.unchanged) unchanged")
    }

    /// Match-based coupling of every ERP customer against the CRM accounts, on name + e-mail.
    static func match(_ opened: SQLiteWorkspace, start: Double) throws -> Figures {
        let criteria = MatchCriteria([MatchCriterion(erpField: "Name", crmField: "name", priority: 0),
                                      MatchCriterion(erpField: "E-Mail", crmField: "emailaddress1", priority: 0)])
        let result = try MatchCoupler(workspace: opened.workspace)
            .match(mapping: DefaultMappings.customerName, options: MatchOptions(criteria: criteria))
        let seconds = Figures.now() - start
        return Figures(name: "match", records: result.counts.coupled + result.counts.unmatched, seconds: seconds,
                       peakMegabytes: Figures.peakMegabytes(),
                       note: "\(result.counts.coupled) coupled, \(result.counts.unmatched) unmatched")
    }

    /// Pages the customer list from top to bottom, 50 rows a page, sorted by name.
    static func paging(_ opened: SQLiteWorkspace) throws -> Figures {
        let table = try opened.table(StandardTables.customer.name, on: .erp)
        var pageTimes: [Double] = []
        var start = PageStart.first
        var seen = 0
        let total = Figures.now()
        while true {
            let pageStart = Figures.now()
            let page = try table.page(search: nil, from: start, limit: 50)
            pageTimes.append((Figures.now() - pageStart) * 1000)
            guard let last = page.last else { break }
            seen += page.count
            start = .after(ListKey(last, schema: table.schema))
        }
        let seconds = Figures.now() - total
        let sorted = pageTimes.sorted()
        return Figures(name: "paging", records: seen, seconds: seconds, peakMegabytes: Figures.peakMegabytes(),
                       millisecondsPerPage: seconds * 1000 / Double(pageTimes.count), worstPageMilliseconds: sorted.last,
                       p99PageMilliseconds: sorted[Int(Double(sorted.count - 1) * 0.99)], note: "\(pageTimes.count) pages")
    }

    /// The terminal UI without a terminal over the big lists (ERP and CRM rows, most coupled).
    /// Opening runs as on the terminal: effects on the background runner, actions pumped back on this
    /// thread; it is timed from `.start` to the first rendered 100×30 frame whose two panes both show
    /// rows (the counts come after, and the time until they arrive is noted); the CPU figure is the
    /// opening's too. Then, inline, it pages
    /// down, End, Home and back up, timing each key from press to rendered frame.
    static func frames(_ opened: SQLiteWorkspace) throws -> Figures {
        let records = try opened.table(StandardTables.customer.name, on: .erp).count(search: nil)
        let size = TandemViewModel.Size(width: 100, height: 30)
        let woken = DispatchSemaphore(value: 0)
        let runner = BackgroundRunner(workspace: opened.workspace, wake: { woken.signal() })
        let start = Figures.now(), startCPU = Figures.cpuSeconds()
        let opening = ViewModel.background(runner: runner, size: size, workspaceName: "bench")
        opening.send(.start)
        // As the terminal does: the first look for others' changes notes when the screens began.
        opening.send(.idle)
        var open: Double?, openCPU = 0.0
        func showing(_ pane: PaneState) -> Bool { !pane.rows.isEmpty }
        func counted(_ pane: PaneState) -> Bool { showing(pane) && !pane.counting }
        while !counted(opening.state.currentPage.erp) || !counted(opening.state.currentPage.crm) {
            woken.wait()
            guard opening.pump(runner) else { continue }
            if open == nil && showing(opening.state.currentPage.erp) && showing(opening.state.currentPage.crm) {
                _ = opening.frame
                open = Figures.now() - start
                openCPU = Figures.cpuSeconds() - startCPU
            }
        }
        let counted = (Figures.now() - start) * 1000
        guard let open else { throw BenchmarkError(message: "the panes were counted before both showed rows") }

        let model = ViewModel.immediate(workspace: opened.workspace, size: size)
        model.send(.start)
        var times: [Double] = []
        let keys: [Key] = Array(repeating: .pageDown, count: 2_000) + [.end, .home] + Array(repeating: .down, count: 500)
            + [.end] + Array(repeating: .pageUp, count: 500)
        for key in keys {
            let pressed = Figures.now()
            model.send(.key(key))
            _ = model.frame
            times.append((Figures.now() - pressed) * 1000)
        }
        let sorted = times.sorted()
        return Figures(name: "frames", records: records, seconds: open, cpuSeconds: openCPU, peakMegabytes: Figures.peakMegabytes(),
                       millisecondsPerPage: times.reduce(0, +) / Double(times.count), worstPageMilliseconds: sorted.last,
                       p99PageMilliseconds: sorted[Int(Double(sorted.count - 1) * 0.99)],
                       note: "opening timed to both panes showing rows; counts in at \(String(format: "%.1f", counted)) ms; "
                           + "then \(times.count) keys, each to a rendered 100×30 frame")
    }
}
