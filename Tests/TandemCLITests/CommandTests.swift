import Foundation
import Testing
import TandemTestSupport

@Suite(.serialized) struct CommandTests {
    @Test func theScriptedStory() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        // init
        let created = try cli.run("init")
        #expect(created.status == 0 && created.out.contains("Created the workspace"))
        #expect(try cli.run("init").status == 1)
        // couple a customer by name (the default synchronizes with the ERP data)
        let coupled = try cli.run("couple", "C01600", "--crm", "Fourth Coffee London")
        #expect(coupled.status == 0, "\(coupled.err)")
        #expect(coupled.out.contains("Coupled C01600"))
        let card = try #require(try cli.json("show", "C01600") as? [String: Any])
        let coupling = try #require(card["coupling"] as? [String: Any])
        let crmID = try #require(coupling["crmId"] as? String)
        // a change in the ERP; the preview shows it and writes nothing
        #expect(try cli.run("set", "C01600", "City=Potsdam", "Phone No.=+49 331 1").status == 0)
        let preview = try cli.run("sync", "C01600", "--direction", "to-crm", "--preview")
        #expect(preview.status == 0)
        #expect(preview.out.contains("CRM address1_city") && preview.out.contains("\"Napoli\" → \"Potsdam\""))
        #expect(preview.out.contains("1 record would change (2 fields)") && preview.out.contains("Nothing was written"))
        #expect(try fields(cli, crmID)["address1_city"] == "Napoli")
        // sync to the CRM, and the CRM record has the ERP values
        let synced = try cli.run("sync", "C01600", "--direction", "to-crm")
        #expect(synced.status == 0 && synced.out.contains("Synchronized 1 of 1 record."))
        #expect(try fields(cli, crmID)["address1_city"] == "Potsdam")
        #expect(try fields(cli, crmID)["telephone1"] == "+49 331 1")
        // a change on both sides: refused without --force, naming the field
        #expect(try cli.run("set", "C01600", "City=Bremen").status == 0)
        #expect(try cli.run("set", crmID, "address1_city=Hannover").status == 0)
        let refused = try cli.run("sync", "C01600", "--direction", "to-crm")
        #expect(refused.status == 1)
        #expect(refused.err.contains("refused: the CRM record changed since the last sync (address1_city)"))
        #expect(try fields(cli, crmID)["address1_city"] == "Hannover")
        // forced, then undone: the CRM gets its own value back
        let forced = try cli.run("sync", "C01600", "--direction", "to-crm", "--force")
        #expect(forced.status == 0)
        #expect(try fields(cli, crmID)["address1_city"] == "Bremen")
        let jobs = try #require(try cli.json("jobs") as? [[String: Any]])
        let job = try #require(jobs.first?["id"] as? Int)
        let undone = try cli.run("undo", String(job))
        #expect(undone.status == 0 && undone.out.contains("1 record restored"))
        #expect(try fields(cli, crmID)["address1_city"] == "Hannover")
        #expect(try cli.run("undo", String(job)).status == 1)
    }

    func fields(_ cli: CLIHarness, _ reference: String) throws -> [String: String] {
        let record = try #require(try cli.json("show", reference) as? [String: Any])
        return try #require(record["fields"] as? [String: String])
    }

    /// A person's Name is made from First Name and Surname, so setting it is refused; a company
    /// contact's Name is its own and is set like any field.
    @Test func setRefusesAPersonsNameAndSetsACompanysName() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        #expect(try cli.run("init").status == 0)
        let person = try cli.run("set", "CT000010", "Name=Someone Else")
        #expect(person.status == 2 && person.err.contains("Name is made from First Name and Surname; set those."))
        #expect(try fields(cli, "CT000010")["Name"] == "Östen Andersson")
        let company = try cli.run("set", "CT003010", "Name=Göteborgs Kaffe AB")
        #expect(company.status == 0, "\(company.err)")
        #expect(try fields(cli, "CT003010")["Name"] == "Göteborgs Kaffe AB")
    }

    @Test func syncModifiedTakesOnlyWhatChangedSinceTheLastFullPass() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        // Everything in step but C00370, whose account was deleted, and C00500–C00520, whose salesperson
        // is not coupled (they fail, and are retried once).
        #expect(try cli.run("sync", "--all", "--direction", "to-crm", "--force").status == 1)
        try cli.run("set", "C00210", "Phone No.=+33 1 706 5555")
        let modified = try cli.run("sync", "--modified", "--mapping", "CUSTOMER", "--direction", "to-crm")
        #expect(modified.status == 1 && modified.out.contains("Synchronized 1 of 5 records. 4 failed."), "\(modified.out)")
        #expect(modified.err.contains("C00370"))
        let card = try #require(try cli.json("show", "C00210") as? [String: Any])
        let crmID = try #require((card["coupling"] as? [String: Any])?["crmId"] as? String)
        #expect(try fields(cli, crmID)["telephone1"] == "+33 1 706 5555")
        // C00370 failed twice and is skipped now: nothing is left to take.
        let again = try cli.run("sync", "--modified", "--mapping", "CUSTOMER", "--direction", "to-crm")
        #expect(again.status == 0 && again.out.contains("Synchronized 0 of 0 records."), "\(again.out)")
    }

    @Test func usageErrorsExitWithTwoAndSayWhatIsWrong() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        for arguments in [["sync", "C00010"], ["sync", "--all", "C00010", "--direction", "to-crm"],
                          ["sync", "--all", "--modified", "--direction", "to-crm"], ["sync", "--modified", "C00010", "--direction", "to-crm"],
                          ["sync", "--modified", "--direction", "merge"], ["list", "vendors"],
                          ["couple", "C00010"], ["set", "C00010", "Colour=red"], ["show", "C99999"], ["match", "--on", "Colour"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.err)")
            #expect(!result.err.isEmpty)
        }
        #expect(try cli.run("set", "C00010", "Colour=red").err.contains("Customer has no field \"Colour\""))
        #expect(try cli.run("show", "C99999").err.contains("No ERP record has the number C99999"))
    }

    @Test func theTerminalUINeedsATerminal() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let result = try cli.run([], environment: ["LANG": "C.UTF-8"])
        #expect(result.status == 1 && result.err.contains("needs a terminal"))
        #expect(result.out.isEmpty)
    }

    @Test func aMissingWorkspaceSaysHowToCreateOne() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        let result = try cli.run("list", "customers")
        #expect(result.status == 1 && result.err.contains("tandem init"))
    }

    @Test func theDefaultWorkspaceIsCreatedFromTheSampleOnFirstUse() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        let environment = ["TANDEM_WORKSPACE": "", "XDG_DATA_HOME": cli.folder.file("data"), "HOME": cli.folder.path]
        let first = try cli.run(["list", "customers", "--limit", "1"], environment: environment)
        #expect(first.status == 0 && first.err.contains("Created the workspace at \(cli.folder.file("data"))/tandem/default"))
        let again = try cli.run(["list", "customers", "--limit", "1"], environment: environment)
        #expect(again.status == 0 && !again.err.contains("Created"))
        let noXDG = try cli.run(["list", "accounts", "--limit", "1"], environment: ["TANDEM_WORKSPACE": "", "XDG_DATA_HOME": "",
                                                                                  "HOME": cli.folder.path])
        #expect(noXDG.err.contains("\(cli.folder.path)/.local/share/tandem/default"))
    }

    @Test func listsPageFilterAndMarkCouplings() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let listed = try #require(try cli.json("list", "customers", "--limit", "500") as? [[String: Any]])
        #expect(listed.count == 160)
        let statuses = Set(listed.compactMap { $0["status"] as? String })
        #expect(statuses.isSuperset(of: ["coupled", "not-coupled", "changed"]))
        let uncoupled = try #require(try cli.json("list", "customers", "--uncoupled", "--limit", "500") as? [[String: Any]])
        #expect(uncoupled.allSatisfy { $0["status"] as? String == "not-coupled" } && uncoupled.count == 70)
        let filtered = try cli.run("list", "accounts", "--filter", "adatum")
        #expect(filtered.out.split(separator: "\n").count == 3)
        #expect(filtered.err.contains("2 of 2 accounts matching \"adatum\""))
        let hostile = try cli.run("list", "customers", "--filter", "Evil")
        #expect(!hostile.out.contains("\u{1B}") && !hostile.out.contains("\r") && hostile.out.contains("␛[31m"))
    }

    @Test func matchReportsCoupledAndUnmatchedWithReasons() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let result = try cli.run("match", "--on", "Name,E-Mail@1")
        #expect(result.status == 0)
        #expect(result.out.contains("ambiguous: 2 candidates") && result.out.contains("candidate already coupled")
                && result.out.contains("no match"))
        let report = try #require(try cli.json("match", "--create-new") as? [String: Any])
        let records = try #require(report["records"] as? [[String: Any]])
        let counts = try #require(report["counts"] as? [String: Int])
        #expect(records.contains { $0["result"] as? String == "created" })
        #expect(records.filter { $0["result"] as? String == "created" }.count == counts["created"])
    }

    @Test func jobsErrorsRetryAndUncouple() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let all = try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        #expect(all.status == 1)
        #expect(all.out.contains("CUSTOMER: Synchronized 74 of 90 records. 4 failed. 12 were skipped."), "\(all.out)")
        #expect(all.err.contains("C00370") && all.err.contains("Coupled to a deleted record"))
        let job = try cli.run("job", "1")
        #expect(job.out.contains("Coupled to a deleted record"))
        _ = try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        let errors = try cli.run("errors")
        #expect(errors.out.contains("deleted") && errors.out.contains("yes"))
        let retried = try cli.run("retry", "--all").out
        #expect(retried.contains("Cleared the skipped mark of 4 couplings."), "\(retried)")
        let uncoupled = try cli.run("uncouple", "C00370", "C01600", "--yes")
        #expect(uncoupled.status == 1)
        #expect(uncoupled.out.contains("C00370") && uncoupled.out.contains("The record is not coupled."))
    }

    @Test func anOverwriteThePolicyAllowsIsShownInThePreviewAndNamedInTheResult() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        #expect(try cli.run("sync", "C00090", "--direction", "to-crm").status == 0)
        let crmID = try #require(try cli.run("show", "C00090").out.firstMatch(of: /CRM account .*\((.{36})\)/)?.1)
        try cli.run("set", String(crmID), "telephone1=+1 206 555 0100")
        try cli.run("set", "C00090", "Phone No.=+1 206 555 0199")
        try cli.run("mapping", "CUSTOMER", "--update-conflict", "sendERP")
        let preview = try cli.run("sync", "C00090", "--direction", "to-crm", "--preview")
        #expect(preview.out.contains("\"+1 206 555 0100\" → \"+1 206 555 0199\" (overwrites a change made in the CRM)"))
        #expect(preview.out.contains("1 field would overwrite a change made at the destination since the last sync."))
        let json = try #require(try cli.json("sync", "C00090", "--direction", "to-crm", "--preview") as? [[String: Any]])
        let records = try #require(json.first?["records"] as? [[String: Any]])
        let overwrites = try #require(records.first?["overwrites"] as? [[String: Any]])
        #expect(overwrites.count == 1 && overwrites.first?["field"] as? String == "telephone1"
                && overwrites.first?["old"] as? String == "+1 206 555 0100")
        let synced = try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        #expect(synced.out.contains("CUSTOMER: overwrote "))
        #expect(synced.out.contains("  C00090 Adatum Corporation: telephone1 \"+1 206 555 0100\" → \"+1 206 555 0199\""))
        let jobs = try #require(try cli.json("jobs") as? [[String: Any]])
        let counters = try #require(jobs.first?["counters"] as? [String: Any])
        #expect((counters["overwritten"] as? Int ?? 0) >= 1)
    }

    @Test func aMappingSetToSynchronizeMoreThanCoupledRecordsCreatesTheUncoupledOnes() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        #expect(try cli.run("mappings").out.contains("records        only coupled records are synchronized"))
        #expect(try cli.run("list", "customers", "--uncoupled").out.contains("C01460"))
        let changed = try cli.run("mapping", "CUSTOMER", "--only-coupled", "false")
        #expect(changed.status == 0 && changed.out.contains("sync --all also creates and couples the uncoupled records"))
        let mappings = try #require(try cli.json("mappings") as? [[String: Any]])
        #expect(mappings.first?["onlyCoupled"] as? Bool == false)
        let preview = try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm", "--preview")
        #expect(preview.out.contains("create") && preview.out.contains("not coupled: creates the CRM record and couples it"))
        let synced = try cli.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        let jobs = try #require(try cli.json("jobs") as? [[String: Any]])
        let counters = try #require(jobs.first?["counters"] as? [String: Any])
        #expect(synced.out.contains("CUSTOMER: Synchronized") && (counters["inserted"] as? Int ?? 0) > 0)
        #expect(counters["inserted"] as? Int == counters["coupled"] as? Int)
        #expect(!(try cli.run("list", "customers", "--uncoupled").out.contains("C01460")))
        #expect(try cli.run("mapping", "CUSTOMER", "--only-coupled", "maybe").status == 2)
    }

    @Test func mappingsRestoreDeleteRecordAndCleanup() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        #expect(try cli.run("mappings").out.contains("CUSTOMER: Customer ↔ CRM account · bidirectional"))
        let changed = try cli.run("mapping", "CUSTOMER", "--update-conflict", "sendERP", "--disable", "websiteurl")
        #expect(changed.status == 0 && changed.out.contains("update conflicts: sendERP") && changed.out.contains("13 of 14 fields"))
        #expect(try cli.run("mapping", "CUSTOMER", "--disable", "Colour").status == 2)
        let mappings = try #require(try cli.json("mappings") as? [[String: Any]])
        #expect(mappings.first?["updateConflict"] as? String == "sendERP")

        // C00370's account was deleted: restore re-creates it; then the coupling is whole again.
        let restored = try cli.run("restore", "C00370")
        #expect(restored.status == 0 && restored.out.contains("restored the CRM record"))
        #expect(try cli.run("restore", "C00370").status == 1)
        #expect(try cli.run("sync", "C00370", "--direction", "to-crm").status == 0)
        // delete-record applies only to a pair with one side missing; this one is whole again.
        let refused = try cli.run("delete-record", "C00370", "--yes")
        #expect(refused.status == 1 && refused.err.contains("exactly one coupled record is missing"))

        #expect(try cli.run("cleanup", "--all", "--yes").out.contains("Deleted"))
        #expect(try #require(try cli.json("jobs") as? [Any]).isEmpty)
    }

    @Test func importAndExportRoundTripAndBadFilesImportNothing() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let file = cli.folder.file("customers.csv")
        #expect(try cli.run("export", "erp", "customers", file).out.contains("Exported 160 records"))
        let empty = CLIHarness()
        defer { empty.remove() }
        try empty.run("init", "--empty")
        #expect(try empty.run("import", "erp", "Customer", file).status == 0)
        let second = empty.folder.file("again.csv")
        try empty.run("export", "erp", "Customer", second)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == String(contentsOfFile: second, encoding: .utf8))

        let header = "id,modifiedAt,No.,Name,City\n"
        let good = "11111111-1111-4111-8111-111111111111,2026-11-20T09:00:00Z,X00010,Adatum,Berlin\n"
        let bad: [(String, String)] = [
            (header + good + "22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,X00020,Contoso\n", ":3: field \"City\""),
            (header + good + "22222222-2222-4222-8222-222222222222,20.11.2026,X00020,Contoso,Paris\n", ":3: field \"modifiedAt\""),
            (header + good + good, ":3: field \"id\": duplicate id"),
        ]
        for (text, expected) in bad {
            let path = try cli.folder.write("bad.csv", text)
            let result = try cli.run("import", "erp", "Customer", path)
            #expect(result.status == 1 && result.err.contains(path + expected), "\(result.err)")
        }
        var latin1 = Array((header + good).utf8)
        latin1 += Array("22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,X00020,M".utf8) + [0xFC] + Array("ller,K\n".utf8)
        let path = try cli.folder.write("latin1.csv", bytes: latin1)
        let encoding = try cli.run("import", "erp", "Customer", path)
        #expect(encoding.status == 1 && encoding.err.contains("latin1.csv:3: the text is not UTF-8"))
        #expect(try cli.run("list", "customers", "--filter", "X000").err.contains("0 of 0"))
    }

    @Test func generateMakesADeterministicWorkspace() throws {
        let first = CLIHarness(), second = CLIHarness()
        defer { first.remove(); second.remove() }
        for cli in [first, second] {
            let result = try cli.run("generate", "--customers", "300", "--contacts", "150", "--seed", "7")
            #expect(result.status == 0 && result.out.contains("300 customers, 300 accounts, 150 ERP contacts"), "\(result.err)")
        }
        let a = first.folder.file("a.csv"), b = second.folder.file("b.csv")
        try first.run("export", "crm", "accounts", a)
        try second.run("export", "crm", "accounts", b)
        #expect(try String(contentsOfFile: a, encoding: .utf8) == String(contentsOfFile: b, encoding: .utf8))
        let sync = try first.run("sync", "--all", "--mapping", "CUSTOMER", "--direction", "to-crm")
        #expect(sync.out.contains("CUSTOMER: Synchronized"))
    }
}
