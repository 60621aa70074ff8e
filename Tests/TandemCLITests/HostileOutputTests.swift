import Foundation
import Testing
import TandemCore
import TandemTestSupport

/// Records, arguments, file names and CSV headers made of `HostileStrings`, run through every command
/// that prints, checking the raw bytes of standard output and standard error: nothing a terminal would
/// act on gets out, whether the text came from a record, an argument, a file or an error.
@Suite(.serialized) struct HostileOutputTests {
    let strings = HostileStrings.withoutNUL

    /// Runs a command and records an issue for every byte a terminal would act on.
    @discardableResult
    func inert(_ cli: CLIHarness, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CLIHarness.Run {
        let run = try cli.run(arguments)
        let label = arguments.prefix(3).map(\.debugDescription).joined(separator: " ")
        #expect(HostileStrings.terminalHazards(in: run.outBytes) == [], "stdout of \(label)", sourceLocation: sourceLocation)
        #expect(HostileStrings.terminalHazards(in: run.errBytes) == [], "stderr of \(label)", sourceLocation: sourceLocation)
        #expect([0, 1, 2].contains(run.status), "\(label) ended with \(run.status)", sourceLocation: sourceLocation)
        return run
    }

    /// Like `inert`, and the output is one JSON document.
    func inertJSON(_ cli: CLIHarness, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        let run = try inert(cli, arguments + ["--json"], sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(run.outBytes))
    }

    func id(_ index: Int, _ prefix: Int) -> String { String(format: "%08x-0000-4000-8000-%012x", prefix, index) }

    /// One customer and one account per hostile string: the customer's Name and the account's name hold
    /// it (so matching couples them), every other text field holds another one, cut to the field's length.
    func writeWorkspaceFiles(_ cli: CLIHarness) throws -> (customers: String, accounts: String) {
        let erpFields: [(String, Int)] = [("Name", 100), ("Address", 100), ("Address 2", 50), ("Post Code", 20), ("City", 30),
                                          ("Phone No.", 30), ("E-Mail", 80), ("Home Page", 80), ("Contact", 100)]
        let crmFields: [(String, Int)] = [("name", 100), ("address1_line1", 250), ("address1_line2", 250), ("address1_postalcode", 20),
                                          ("address1_city", 80), ("telephone1", 50), ("emailaddress1", 100), ("websiteurl", 200),
                                          ("address1_primarycontactname", 100)]
        func rows(_ fields: [(String, Int)], shift: Int, prefix: Int, number: Bool) -> [[String]] {
            strings.indices.map { index in
                [id(index, prefix), "2026-11-20T09:00:00.000Z"] + (number ? ["H\(index)"] : [])
                    + fields.enumerated().map { offset, field in
                        let text = strings[(index + (offset == 0 ? 0 : offset * 7 + shift)) % strings.count]
                        return HostileStrings.prefix(text, maxLength: field.1)
                    }
            }
        }
        let customers = CSV.encode(header: ["id", "modifiedAt", "No."] + erpFields.map(\.0),
                                   rows: rows(erpFields, shift: 0, prefix: 1, number: true))
        // Active, or the CRM filter would leave the accounts out of matching and synchronizing.
        let accounts = CSV.encode(header: ["id", "modifiedAt"] + crmFields.map(\.0) + ["statecode"],
                                  rows: rows(crmFields, shift: 3, prefix: 2, number: false).map { $0 + ["Active"] })
        return (try cli.folder.write("customers.csv", customers), try cli.folder.write("accounts.csv", accounts))
    }

    @Test func recordTextIsInertInEveryCommand() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try inert(cli, ["init", "--empty"])
        let files = try writeWorkspaceFiles(cli)
        #expect(try inert(cli, ["import", "erp", "Customer", files.customers]).status == 0)
        #expect(try inert(cli, ["import", "crm", "account", files.accounts]).status == 0)

        // lists and cards show the text, made visible
        let list = try inert(cli, ["list", "customers", "--limit", "1000"])
        #expect(list.out.contains("␛]0;pwned title␇") && list.out.contains("c1<\u{FFFD}>end"))
        #expect(list.out.contains("line␊break") && !list.out.contains("line\nbreak"), "a value's line break is no layout")
        try inert(cli, ["list", "accounts", "--limit", "1000"])
        // JSONDecoder, not JSONSerialization: the latter drops a string's leading BOM on Linux.
        struct Listed: Decodable { var name: String }
        let listed = try JSONDecoder().decode([Listed].self, from: Data(try inert(cli, ["list", "customers", "--limit", "1000", "--json"]).outBytes))
        #expect(Set(listed.map(\.name)) == Set(strings.map { HostileStrings.prefix($0, maxLength: 100) }))
        _ = try inertJSON(cli, ["list", "accounts", "--limit", "1000"])
        for index in stride(from: 0, to: strings.count, by: 30) { try inert(cli, ["show", "H\(index)"]) }

        // matching couples the pairs by name; then each coupled command
        let matched = try inert(cli, ["match", "--on", "Name:cs"])
        #expect(matched.out.contains("Coupled 1"), "\(matched.out.suffix(200))")
        _ = try inertJSON(cli, ["match", "--on", "Name:cs"])
        let coupled = try #require(try inertJSON(cli, ["list", "customers", "--coupled", "--limit", "1000"]) as? [[String: Any]])
        let target = try #require(coupled.first { ($0["name"] as? String)?.hasPrefix("\u{1B}]") == true })
        let number = try #require(target["number"] as? String)
        let crmID = try #require((target["coupling"] as? [String: Any])?["crmId"] as? String)
        let other = try #require(coupled.compactMap { $0["number"] as? String }.first { $0 != number })
        try inert(cli, ["show", number])
        try inert(cli, ["show", crmID])
        // an uncoupled record coupled to an account that is coupled already: the error names the account
        try inert(cli, ["uncouple", other])
        let refused = try inert(cli, ["couple", other, "--crm", crmID])
        #expect(refused.status != 0 && refused.err.contains("already coupled") && refused.err.contains("␛]"), "\(refused.err)")
        try inert(cli, ["couple", other, "--crm", "\u{1B}]0;no such account\u{07}"])
        try inert(cli, ["sync", "--all", "--direction", "to-crm", "--preview"])
        let preview = try inert(cli, ["sync", "--all", "--direction", "to-crm", "--preview", "--force"])
        #expect(preview.out.contains("␛[31mred␛[0m"))
        _ = try inertJSON(cli, ["sync", "--all", "--direction", "to-crm", "--preview", "--force"])
        try inert(cli, ["sync", "--all", "--direction", "to-crm", "--force"])

        // a CRM name too long for BC's Name: the sync fails that record, and the errors name it
        let longName = HostileStrings.prefix(strings.joined(), maxLength: 150)
        try inert(cli, ["set", crmID, "name=\(longName)"])
        let failed = try inert(cli, ["sync", number, "--direction", "from-crm"])
        #expect(failed.status == 1 && failed.err.contains("Cannot write Name in the ERP"), "\(failed.err)")
        _ = try inertJSON(cli, ["sync", number, "--direction", "from-crm"])
        try inert(cli, ["errors"])
        _ = try inertJSON(cli, ["errors"])
        try inert(cli, ["jobs"])
        let jobs = try #require(try inertJSON(cli, ["jobs"]) as? [[String: Any]])
        // The job log's details: the failed synchronization's errors, as text and as JSON.
        let failedJob = try #require(jobs.first { ($0["counters"] as? [String: Any])?["failed"] as? Int == 1 }?["id"] as? Int)
        try inert(cli, ["job", String(failedJob)])
        _ = try inertJSON(cli, ["job", String(failedJob)])
        if let last = jobs.compactMap({ $0["id"] as? Int }).max() { try inert(cli, ["undo", String(last)]) }
        try inert(cli, ["uncouple", "H72", "H73", "--yes"])
        try inert(cli, ["retry", "--all"])
        try inert(cli, ["set", "H74", "City=\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{9B}2J\u{202E}x"])
        try inert(cli, ["mappings"])
        try inert(cli, ["export", "erp", "customers", cli.folder.file("out\u{1B}]0;title\u{07}\u{9B}31m\u{202E}.csv")])
    }

    @Test func argumentsFileNamesAndCSVHeadersAreInertInMessages() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try inert(cli, ["init", "--empty"])
        // Few processes, many hazards each: a title, the clipboard, 8-bit CSI, C1, DEL, bidi, CR; layout
        // characters; a very long line.
        let hostile = ["\u{1B}]0;pwned\u{07}\u{1B}]52;c;cm0gLXJmIH4=\u{1B}\\\u{9B}31m\u{85}\u{7F}\u{202E}txt.exe\r\u{08}",
                       "line\nbreak\ttab\u{1B}[2J\u{2066}", String(repeating: "\u{1B}[31m", count: 2_000)]
        for text in hostile {
            // a CSV whose header or id holds the text, and one whose header holds a NUL
            let header = try cli.folder.write("header.csv", CSV.encode(header: ["id", "modifiedAt", text], rows: []))
            // An unknown column is left out and named in one line, inert.
            let leftOut = try inert(cli, ["import", "erp", "Customer", header])
            #expect(leftOut.status == 0 && leftOut.err.contains("Left out columns"), "\(leftOut.err)")
            #expect(leftOut.err.filter { $0 == "\n" }.count == 1, "a message is one line: \(leftOut.err)")
            let badID = try cli.folder.write("id.csv", CSV.encode(header: ["id", "modifiedAt", "Name"],
                                                                  rows: [[text, "2026-11-20T09:00:00Z", "x"]]))
            #expect(try inert(cli, ["import", "erp", "Customer", badID]).status == 1)
            // arguments echoed by the parser and by the commands
            try inert(cli, ["list", text])
            try inert(cli, [text])
            try inert(cli, ["list", "customers", "--limit", text])
            try inert(cli, ["list", "customers", "--filter", text])
            try inert(cli, ["show", text])
            try inert(cli, ["set", "C1", text])
            try inert(cli, ["import", "erp", "Customer", cli.folder.file(text)])
        }
        let nul = try cli.folder.write("nul.csv", bytes: Array("id,modifiedAt,Na".utf8) + [0] + Array("me\u{1B}[2J\n".utf8))
        let refused = try inert(cli, ["import", "erp", "Customer", nul])
        #expect(refused.err.contains("Na␀me␛[2J"), "\(refused.err)")
        try inert(cli, ["--help"])
        try inert(cli, ["sync", "--help"])
    }

    @Test func setAndImportRefuseValuesTheFieldCannotHoldAndWriteNothing() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let before = try cli.run("show", "C00010", "--json").out
        let long = try inert(cli, ["set", "C00010", "City=Berlin", "Name=\(String(repeating: "\u{1B}[31m", count: 30))"])
        #expect(long.status == 2 && long.err.contains("Name: the value is 150 characters long; the field holds at most 100"),
                "\(long.err)")
        #expect(try cli.run("show", "C00010", "--json").out == before)
        let file = try cli.folder.write("long.csv", """
            id,modifiedAt,No.,Name,City
            11111111-1111-4111-8111-111111111111,2026-11-20T09:00:00Z,X00010,Adatum,Berlin
            22222222-2222-4222-8222-222222222222,2026-11-20T09:00:00Z,X00020,Contoso,\(String(repeating: "x", count: 31))

            """)
        let imported = try inert(cli, ["import", "erp", "Customer", file])
        #expect(imported.status == 1 && imported.err.contains("long.csv:3: field \"City\": the value is 31 characters long"),
                "\(imported.err)")
        #expect(try cli.run("list", "customers", "--filter", "X000").err.contains("0 of 0"))
    }
}
