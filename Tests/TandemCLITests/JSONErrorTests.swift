import Foundation
import Testing
import TandemTestSupport

/// A command given `--json` reports its error on standard error as one JSON object,
/// `{"error":{"code":…,"message":…}}`, with the exit code it has without `--json`; the same command
/// without `--json` says it in words.
@Suite struct JSONErrorTests {
    /// The one JSON object on standard error, with nothing on standard output.
    func errorObject(_ run: CLIHarness.Run, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let lines = run.err.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(run.err)", sourceLocation: sourceLocation)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.errBytes)) as? [String: Any],
                                    sourceLocation: sourceLocation)
        #expect(document.keys.sorted() == ["error"], sourceLocation: sourceLocation)
        return try #require(document["error"] as? [String: Any], sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (["show", "C99999"], "recordNotFound", Int32(2)),      // a usage error the command finds after parsing
        (["sync", "--direction", "sideways"], "usage", 2),      // one the parser finds
        (["sync", "C00010", "C00020", "--direction", "merge"], "usage", 2),  // one a command's validate finds
        (["retry", "--all"], "usage", 2),                       // a command without --json: the parser refuses it
        (["job", "99"], "jobNotFound", 2),
        (["undo", "99"], "jobNotFound", 2),
        (["list", "customers", "--workspace", "/nonexistent/tandem"], "noWorkspace", 1),
        (["couple", "C01600", "--crm", "No Such Account"], "recordNotFound", 1),
        (["uncouple", "C01600", "C00370"], "confirmationNeeded", 2),
    ])
    func errorsUnderJSONAreOneObjectOnStandardError(_ arguments: [String], code: String, status: Int32) throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let run = try cli.run(arguments + ["--json"])
        #expect(run.status == status && run.out.isEmpty, "\(arguments): \(run.status) \(run.out)")
        let error = try errorObject(run)
        #expect(error["code"] as? String == code, "\(arguments): \(error)")
        let message = try #require(error["message"] as? String)
        #expect(!message.isEmpty && !message.hasPrefix("tandem:") && !message.hasPrefix("Error:"))
        guard arguments != ["retry", "--all"] else { return }
        let text = try cli.run(arguments)
        #expect(text.status == status, "\(arguments) without --json")
        #expect(text.err.hasPrefix("tandem: ") || text.err.hasPrefix("Error: "), "\(text.err)")
        #expect((try? JSONSerialization.jsonObject(with: Data(text.errBytes))) == nil, "\(text.err)")
    }

    /// `couple --create-new` of a record the workspace refuses: the outcome on standard output as before,
    /// the refusal on standard error with its reason as a code.
    @Test func aRefusedRecordCarriesItsReason() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let run = try cli.run("couple", "C00010", "--create-new", "--json")
        #expect(run.status == 1)
        let outcome = try #require(try JSONSerialization.jsonObject(with: Data(run.outBytes)) as? [String: Any])
        #expect(outcome["status"] as? String == "failed")
        let error = try errorObject(run)
        #expect(error["code"] as? String == "refused")
        let reason = try #require(error["reason"] as? [String: Any])
        #expect(reason.keys.sorted() == ["alreadyCoupled"], "\(reason)")
    }

    /// The sync after `couple` fails for a record: standard error lists it with its reason, in the error object.
    @Test func failedRecordsOfTheSyncAfterCouplingAreListed() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let accounts = try #require(try cli.json("list", "accounts", "--filter", "Fourth Coffee London") as? [[String: Any]])
        let account = try #require(accounts.first?["id"] as? String)
        // The ERP's Address holds 100 characters, the CRM's street 250: taking it from the CRM fails.
        try cli.run("set", account, "address1_line1=" + String(repeating: "x", count: 150))
        let run = try cli.run("couple", "C01600", "--crm", account, "--sync", "use-crm", "--json")
        #expect(run.status == 1)
        let error = try errorObject(run)
        #expect(error["code"] as? String == "recordsFailed")
        let records = try #require(error["records"] as? [[String: Any]])
        #expect(records.count == 1 && records[0]["status"] as? String == "failed", "\(records)")
        let reason = try #require(records.first?["reason"] as? [String: Any])
        #expect(reason.keys.sorted() == ["valueDoesNotFit"], "\(reason)")
    }

    /// An argument made of hostile text comes back in the message: written with `\uXXXX` escapes (nothing
    /// a terminal acts on reaches standard error) and decoding to exactly what was typed.
    @Test func hostileTextInTheMessageStaysEscaped() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        try cli.run("init")
        let hostile = (HostileStrings.c0 + HostileStrings.delAndC1 + HostileStrings.escapeSequences + HostileStrings.bidi)
            .filter { !$0.utf8.contains(0) && !$0.hasPrefix("-") }
            // The reference is trimmed of white space, as anything typed is.
            .filter { $0.unicodeScalars.first?.properties.isWhitespace == false && $0.unicodeScalars.last?.properties.isWhitespace == false }
        #expect(hostile.count > 100)
        for text in hostile {
            let run = try cli.run("show", text, "--json")
            #expect(run.status == 2)
            #expect(HostileStrings.terminalHazards(in: run.errBytes) == [], "\(text.debugDescription)")
            let error = try errorObject(run)
            #expect(error["message"] as? String == "No ERP record has the number \(text).", "\(text.debugDescription)")
        }
    }
}
