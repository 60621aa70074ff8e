import Foundation
import TandemCore
import TandemSQLite
import TandemViewModel

/// The operations measured, each with the workspace it runs on and, where there is one, its floor.
enum Benchmarks {
    /// Benchmarks measured round after round against a floor, on a fresh copy of one workspace.
    /// The floor of `modified` is the same pairs named by id (what syncing only those costs).
    static let withFloor = ["sync", "match", "modified"]
    /// Benchmarks measured once over a big list.
    static let lists = ["paging", "frames"]
    static let names = withFloor + lists

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

    /// The terminal UI without a terminal over the big lists (ERP and CRM rows, most coupled): open
    /// it, then page down, End, Home and back up, timing each key from press to rendered 100×30 frame.
    static func frames(_ opened: SQLiteWorkspace) throws -> Figures {
        let records = try opened.table(StandardTables.customer.name, on: .erp).count(search: nil)
        let start = Figures.now()
        let model = ViewModel.immediate(workspace: opened.workspace, size: TandemViewModel.Size(width: 100, height: 30))
        model.send(.start)
        _ = model.frame
        let open = (Figures.now() - start) * 1000
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
        return Figures(name: "frames", records: records, seconds: times.reduce(0, +) / 1000, peakMegabytes: Figures.peakMegabytes(),
                       millisecondsPerPage: times.reduce(0, +) / Double(times.count), worstPageMilliseconds: sorted.last,
                       p99PageMilliseconds: sorted[Int(Double(sorted.count - 1) * 0.99)],
                       note: "\(times.count) keys, each to a rendered 100×30 frame; opening took \(String(format: "%.1f", open)) ms")
    }
}
