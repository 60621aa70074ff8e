import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

@Suite struct SampleDataTests {
    func load() throws -> (SQLiteWorkspace, TemporaryFolder) {
        let folder = TemporaryFolder()
        let (workspace, _) = try SampleDataLoader.load(from: sampleDataFolder(), into: folder.path)
        return (workspace, folder)
    }

    func customer(_ workspace: SQLiteWorkspace, _ number: String) throws -> Record {
        try #require(try workspace.table("Customer", on: .erp).records(numbers: [number]).first)
    }

    @Test func loadingCreatesAllThreeDatabasesWithEveryRecord() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let (workspace, summary) = try SampleDataLoader.load(from: sampleDataFolder(), into: folder.path)
        #expect(try workspace.table("Customer", on: .erp).count(search: nil) >= 150)
        #expect(try workspace.table("Contact", on: .erp).count(search: nil) >= 300)
        #expect(try workspace.table("account", on: .crm).count(search: nil) >= 170)
        #expect(try workspace.table("contact", on: .crm).count(search: nil) >= 320)
        #expect(try workspace.table("Salesperson", on: .erp).count(search: nil) == 4)
        #expect(try workspace.table("systemuser", on: .crm).count(search: nil) == 5)
        #expect(summary.couplings == (try workspace.workspace.store.couplingCount(mapping: "CUSTOMER")
                                      + workspace.workspace.store.couplingCount(mapping: "CONTACT")
                                      + workspace.workspace.store.couplingCount(mapping: "SALESPEOPLE")))
        for name in [SQLiteWorkspace.erpFileName, SQLiteWorkspace.crmFileName, SQLiteWorkspace.workspaceFileName] {
            #expect(FileManager.default.fileExists(atPath: folder.file(name)))
        }
        #expect(throws: DatabaseFileError.self) { try SampleDataLoader.load(from: sampleDataFolder(), into: folder.path) }
    }

    @Test func theInternationalAndHostileRecordsArriveIntact() throws {
        let (workspace, folder) = try load()
        defer { folder.remove() }
        let names = try workspace.table("Customer", on: .erp).page(search: nil, from: .first, limit: 1000).map { $0["Name"] }
        #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        #expect(names.contains { $0.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } })
        #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        #expect(names.contains { $0.utf16.count == StandardTables.customer.field(named: "Name")?.maxLength })
        #expect(names.contains { $0.contains("\u{1B}[31m") && $0.contains("\r") && $0.contains("\u{202E}") })
        #expect(names.contains { $0.unicodeScalars.contains("\u{0301}") })
    }

    @Test func theDeliberateCasesBehaveAsTheREADMESays() throws {
        let (opened, folder) = try load()
        defer { folder.remove() }
        let engine = SyncEngine(workspace: opened.workspace)
        // C00210: changed in the ERP only → Send is recommended.
        let erpOnly = try engine.check(mapping: "CUSTOMER", side: .erp, id: customer(opened, "C00210").id)
        #expect(erpOnly.erpChanged && !erpOnly.crmChanged && erpOnly.recommended == .toCRM)
        // C00260: changed in the CRM only → Get.
        #expect(try engine.check(mapping: "CUSTOMER", side: .erp, id: customer(opened, "C00260").id).recommended == .fromCRM)
        // C00310: a true conflict on E-Mail.
        let conflict = try engine.check(mapping: "CUSTOMER", side: .erp, id: customer(opened, "C00310").id)
        #expect(conflict.conflicts.map(\.erpField) == ["E-Mail"])
        // C00350: both changed in different fields → merge recommended.
        #expect(try engine.check(mapping: "CUSTOMER", side: .erp, id: customer(opened, "C00350").id).recommended == .merge)
        // C00370: coupled to a deleted account.
        #expect(try engine.check(mapping: "CUSTOMER", side: .erp, id: customer(opened, "C00370").id).counterpartMissing)
        // C00390: 50000 vs 50000.00 is no difference.
        let plan = try engine.preview(SyncRequest(mapping: "CUSTOMER", selection: .records(.erp, [customer(opened, "C00390").id]),
                                                  choice: .toCRM))
        let firstRecord = try #require(plan.records.first)
        #expect(firstRecord.outcome == .write([]))
    }

    /// Every sample contact has a type: the 300 people are persons, CT003010 and CT003020 are companies
    /// with a name of their own, outside the CONTACT mapping's filter though their company is coupled.
    @Test func theCompanyContactsAreOutsideTheContactFilter() throws {
        let (opened, folder) = try load()
        defer { folder.remove() }
        let contacts = try opened.table("Contact", on: .erp)
        let all = try contacts.page(search: nil, from: .first, limit: 1000)
        #expect(Dictionary(grouping: all, by: { $0["Type"] }).mapValues(\.count) == ["Person": 300, "Company": 2])
        let companies = try contacts.records(numbers: ["CT003010", "CT003020"])
        #expect(Set(companies.map { $0["Name"] }) == ["Göteborgs Kaffe", "Thames Valley Engineering"])
        for company in companies {
            #expect(!DefaultMappings.contact.erpFilter.admits(company))
            #expect(try opened.workspace.store.coupling(mapping: "CONTACT", side: .erp, id: company.id) == nil)
            let customer = try customer(opened, company["Company No."])
            #expect(try opened.workspace.store.coupling(mapping: "CUSTOMER", side: .erp, id: customer.id) != nil)
        }
    }

    @Test func matchingTheSampleCouplesMostAndExplainsTheRest() throws {
        let (opened, folder) = try load()
        defer { folder.remove() }
        let result = try MatchCoupler(workspace: opened.workspace).match(
            mapping: "CUSTOMER", options: MatchOptions(criteria: MatchCriteria(defaultsOf: DefaultMappings.customer)))
        #expect(result.coupled.count >= 40)
        let reasons = Dictionary(uniqueKeysWithValues: result.unmatched.map { ($0.label.prefix(6), $0.reason) })
        #expect(reasons["C01310"] == .ambiguous(candidates: 2))
        guard case .candidateAlreadyCoupled? = reasons["C01330"] else {
            Issue.record("C01330 should find its candidate already coupled")
            return
        }
        #expect(reasons["C01500"] == .noMatch)
    }

    @Test func synchronizingEveryCustomerToTheCRMReportsEachCase() throws {
        let (opened, folder) = try load()
        defer { folder.remove() }
        let result = try SyncEngine(workspace: opened.workspace)
            .synchronize(SyncRequest(mapping: "CUSTOMER", selection: .allCoupled, choice: .toCRM))
        let counters = result.job.counters
        // C00370's account is gone; C00500 and C00510 name a salesperson whose user is not coupled,
        // C00520 one who has no user at all: each fails alone, naming the salesperson.
        #expect(counters.failed == 4)
        #expect(result.problems.contains { $0.label.hasPrefix("C00370") && $0.message.hasPrefix("Coupled to a deleted record") })
        let owners = result.problems.filter { $0.failure?.isUncoupledDependency == true }
        #expect(owners.map { String($0.label.prefix(6)) }.sorted() == ["C00500", "C00510", "C00520"])
        #expect(owners.allSatisfy { $0.failure == .lookupNotCoupled(field: "Salesperson Code", value: $0.label.hasPrefix("C00520") ? "KW" : "LM") })
        // Skipped: 5 changed in the CRM only, 4 true conflicts, 2 changed on both sides, and C00380,
        // never synchronized, whose creditlimit differs.
        #expect(counters.skipped == 5 + 4 + 2 + 1)
        let skipped = result.problems.filter { $0.status == .skipped }
        #expect(skipped.filter { $0.message.hasPrefix("the CRM record changed") }.count == 11)
        #expect(skipped.contains { $0.label.hasPrefix("C00380") && $0.message == "the pair was never synchronized and differs in creditlimit" })
        // Modified: the 5 changed in the ERP only.
        #expect(counters.modified == 5)
        #expect(counters.modified + counters.unchanged + counters.skipped + counters.failed == 90)
        // The AH and JR customers already name their account's owner: nothing to send.
        #expect(!result.problems.contains { $0.label.hasPrefix("C004") })
    }

    @Test func aBadFileInTheSampleFolderCreatesNothing() throws {
        let source = TemporaryFolder("tandem-sample")
        let target = TemporaryFolder()
        defer { source.remove(); target.remove() }
        for entry in SampleDataLoader.files {
            try FileManager.default.copyItem(atPath: (sampleDataFolder() as NSString).appendingPathComponent(entry.file),
                                             toPath: source.file(entry.file))
        }
        var accounts = try String(contentsOfFile: source.file("crm-accounts.csv"), encoding: .utf8)
        accounts += (["not-a-uuid", "2026-11-20T09:00:00.000Z", "x"] + Array(repeating: "", count: 14)).joined(separator: ",") + "\n"
        _ = try source.write("crm-accounts.csv", accounts)
        let error = try #require(throws: CSVError.self) { try SampleDataLoader.load(from: source.path, into: target.path) }
        #expect(error.file.hasSuffix("crm-accounts.csv") && error.field == "id")
        #expect(!SQLiteWorkspace.exists(at: target.path))
    }
}
