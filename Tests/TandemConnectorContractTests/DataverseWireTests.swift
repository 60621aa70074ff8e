import Foundation
import Testing
import TandemConnectors
import TandemEmulator

/// The Dataverse emulator's answers on the wire, where the connector cannot show them: the paging
/// limit and `$skip`, the change-tracking preference, the service-protection error and its headers,
/// and `$batch` change sets that are atomic and bounded. Real HTTP with a bearer token the emulator
/// accepts.
@Suite(.serialized, .timeLimit(.minutes(2))) struct DataverseWireTests {
    private let emulator = DataverseEmulator()
    private let transport = CurlTransport(timeout: 10)

    init() throws {
        try emulator.start()
        emulator.acceptToken("wire-token")
    }

    private func send(_ method: String, _ path: String, headers: [String: String] = [:], body: String = "") throws -> HTTPResponse {
        var all = ["Authorization": "Bearer wire-token", "Accept": "application/json", "OData-Version": "4.0"]
        all.merge(headers) { $1 }
        return try transport.send(HTTPRequest(method: method, url: try #require(URL(string: emulator.baseURL.absoluteString + path)),
                                              headers: all, body: Data(body.utf8)))
    }

    private func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    private func errorCode(_ response: HTTPResponse) throws -> String? {
        (try json(response)["error"] as? [String: Any])?["code"] as? String
    }

    @Test func pagesHoldAtMostFiveThousandAndSkipIsRefused() throws {
        defer { emulator.stop() }
        emulator.seedAccounts(count: 5_001)
        let first = try send("GET", "/accounts?$select=name", headers: ["Prefer": "odata.maxpagesize=9000"])
        #expect(first.status == 200 && first.headers["preference-applied"] == "odata.maxpagesize=5000")
        let page = try json(first)
        #expect((page["value"] as? [Any])?.count == 5_000)
        let next = try #require(page["@odata.nextLink"] as? String)
        #expect(next.contains("$skiptoken=") && page["@odata.deltaLink"] == nil)
        let skipped = try send("GET", "/accounts?$select=name&$skip=10")
        let code = try errorCode(skipped)
        #expect(skipped.status == 400 && code?.hasPrefix("0x") == true)
        #expect(first.headers["x-ms-dop-hint"] == "4" && first.headers["odata-version"] == "4.0")
    }

    /// A lookup's logical name comes only when `odata.include-annotations` asks for it: by name in a
    /// quoted list, or by a wildcard, and not when excluded.
    @Test func theLookupLogicalNameComesWhenAskedForAndNotWhenExcluded() throws {
        defer { emulator.stop() }
        let account = try #require(try emulator.insertAccount(["name": .string("Fabrikam")])["accountid"]?.stringValue)
        try emulator.insertContact(["lastname": .string("Li"), "parentcustomerid_account@odata.bind": .string("/accounts(\(account))")])
        let annotation = "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"
        func annotated(_ prefer: String?) throws -> Bool {
            let response = try send("GET", "/contacts?$select=lastname,_parentcustomerid_value", headers: prefer.map { ["Prefer": $0] } ?? [:])
            let row = try #require((try json(response)["value"] as? [[String: Any]])?.first)
            #expect(row["_parentcustomerid_value"] as? String == account)
            return row[annotation] as? String == "account"
        }
        #expect(try !annotated(nil))
        #expect(try annotated(#"odata.include-annotations="OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname""#))
        #expect(try annotated(#"odata.maxpagesize=10, odata.include-annotations="*""#))
        #expect(try annotated(#"odata.include-annotations="Microsoft.Dynamics.CRM.*""#))
        #expect(try !annotated(#"odata.include-annotations="*,-Microsoft.Dynamics.CRM.lookuplogicalname""#))
        #expect(try !annotated(#"odata.include-annotations="OData.Community.Display.V1.FormattedValue""#))
    }

    @Test func aTrackedReadSaysSoAndItsDeltaLinkReportsDeletions() throws {
        defer { emulator.stop() }
        emulator.seedAccounts(count: 3)
        let first = try send("GET", "/accounts?$select=name", headers: ["Prefer": "odata.track-changes"])
        #expect(first.headers["preference-applied"]?.contains("odata.track-changes") == true)
        let delta = try #require(try json(first)["@odata.deltaLink"] as? String)
        let gone = try #require(emulator.accounts().first?["accountid"]?.stringValue)
        try emulator.deleteAccount(id: gone)
        let changes = try transport.send(HTTPRequest(method: "GET", url: try #require(URL(string: delta)),
                                                     headers: ["Authorization": "Bearer wire-token"]))
        let rows = try #require(try json(changes)["value"] as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["id"] as? String == gone && rows[0]["reason"] as? String == "deleted")
        #expect((rows[0]["@odata.context"] as? String)?.hasSuffix("#accounts/$deletedEntity") == true)
        emulator.expireDeltaTokens()
        let expired = try transport.send(HTTPRequest(method: "GET", url: try #require(URL(string: delta)),
                                                     headers: ["Authorization": "Bearer wire-token"]))
        #expect(expired.status == 410)
    }

    @Test func throttlingAnswers429WithRetryAfterAndTheServiceProtectionCode() throws {
        defer { emulator.stop() }
        emulator.throttleNext(1, retryAfter: 12)
        let response = try send("GET", "/accounts")
        #expect(response.status == 429 && response.headers["retry-after"] == "12")
        #expect(try errorCode(response) == "0x80072322")
        #expect(try send("GET", "/accounts").status == 200)
    }

    @Test func aChangeSetWithOneFailureAppliesNothingAndTheNextChangeSetStillRuns() throws {
        defer { emulator.stop() }
        let (a, b, c) = (UUID().uuidString.lowercased(), UUID().uuidString.lowercased(), UUID().uuidString.lowercased())
        let root = emulator.baseURL.absoluteString
        func operation(_ id: String, _ name: String, contentID: Int) -> String {
            """
            Content-Type: application/http\r
            Content-Transfer-Encoding: binary\r
            Content-ID: \(contentID)\r
            \r
            PATCH \(root)/accounts(\(id)) HTTP/1.1\r
            Content-Type: application/json\r
            If-None-Match: *\r
            \r
            {"name":"\(name)"}\r

            """
        }
        let body = """
            --batch_x\r
            Content-Type: multipart/mixed; boundary=changeset_1\r
            \r
            --changeset_1\r
            \(operation(a, "Atomic One", contentID: 1))--changeset_1\r
            \(operation(b, String(repeating: "x", count: 200), contentID: 2))--changeset_1--\r
            --batch_x\r
            Content-Type: multipart/mixed; boundary=changeset_2\r
            \r
            --changeset_2\r
            \(operation(c, "Separate Set", contentID: 1))--changeset_2--\r
            --batch_x--\r

            """
        let response = try send("POST", "/$batch", headers: ["Content-Type": "multipart/mixed; boundary=batch_x",
                                                               "Prefer": "odata.continue-on-error"], body: body)
        #expect(response.status == 200 && response.headers["content-type"]?.hasPrefix("multipart/mixed; boundary=batchresponse_") == true)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains("HTTP/1.1 400 Bad Request") && text.contains("HTTP/1.1 204 No Content"))
        #expect(emulator.account(id: a) == nil && emulator.account(id: b) == nil)
        #expect(emulator.account(id: c)?["name"]?.stringValue == "Separate Set")

        // Without continue-on-error the batch stops at the failure and answers 400.
        let d = UUID().uuidString.lowercased()
        let stopping = body.replacingOccurrences(of: c, with: d)
        let stopped = try send("POST", "/$batch", headers: ["Content-Type": "multipart/mixed; boundary=batch_x"], body: stopping)
        #expect(stopped.status == 400 && emulator.account(id: d) == nil)
    }

    @Test func aBatchOfMoreThanAThousandRequestsIsRefusedWhole() throws {
        defer { emulator.stop() }
        var body = ""
        for index in 0...DataverseEmulator.maxBatchOperations {
            body += "--batch_big\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            body += "PATCH /api/data/v9.2/accounts(\(UUID().uuidString.lowercased())) HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
            body += "{\"name\":\"Bulk \(index)\"}\r\n"
        }
        body += "--batch_big--\r\n"
        let response = try send("POST", "/$batch", headers: ["Content-Type": "multipart/mixed; boundary=batch_big"], body: body)
        #expect(response.status == 400 && emulator.accounts().isEmpty)
    }
}
