import Foundation
import Testing
import TandemConnectors
import TandemCore

/// The Business Central connector decodes and writes the shapes Microsoft's documentation and
/// recorded responses show (see Fixtures/README.md for each file's source), not only the emulator's.
@Suite struct BusinessCentralFixtureShapeTests {
    private static let company = "4a1f0c3e-5b6d-ef11-a670-000d3a298b2e"

    private func table(_ transport: ScriptedTransport) throws -> BusinessCentralTable {
        let endpoint = try ServiceEndpoint(kind: .businessCentral, url: "https://api.businesscentral.dynamics.com/v2.0/tenant/production/api/v2.0",
                                           company: Self.company)
        let client = ServiceClient(service: "Business Central", transport: transport, authorizer: StaticAuthorizer.bearer("t"),
                                   sleeper: RecordingSleeper())
        return BusinessCentralTable.customers(endpoint: endpoint, client: client)
    }

    private func transport(extra: [ScriptedTransport.Rule] = []) throws -> ScriptedTransport {
        ScriptedTransport(extra + [
            .init(method: "GET", pathContains: "/companyInformation", response: try ScriptedTransport.fixture("business-central-company-information.json")),
            .init(method: "GET", pathContains: "/customers", response: try ScriptedTransport.fixture("business-central-customers.json")),
        ])
    }

    @Test func aDocumentedCustomerPageDecodesIntoTheCustomerTablesFields() throws {
        let page = try table(try transport()).firstPage(.full, pageSize: 100)
        #expect(page.records.count == 2)
        let first = try #require(page.records.first)
        #expect(first.remoteID == "7e0c2b4a-5b6d-ef11-a670-000d3a298b2e")
        #expect(first.etag == #"W/"JzE5OzE0NTU2NzEyMzQ1Njc4OTAxMjM7MDA7Jw==""#)
        #expect(first.fields["No."] == "20000" && first.fields["Name"] == "Trattoria Ñandú S.L.")
        #expect(first.fields["Address"] == "Calle Mayor, 7" && first.fields["Post Code"] == "50001" && first.fields["City"] == "Zaragoza")
        #expect(first.fields["Country/Region Code"] == "ES" && first.fields["Phone No."] == "+34 976 000 000")
        // The blank enum member arrives as `_x0020_`; the company's own currency (EUR) is a blank code.
        #expect(first.fields["Blocked"] == "" && first.fields["Currency Code"] == "")
        #expect(first.modifiedAt == Timestamp(iso8601: "2026-11-30T08:15:42.117Z"))
        let second = try #require(page.records.last)
        #expect(second.fields["Blocked"] == "Invoice" && second.fields["Currency Code"] == "GBP")
        #expect(second.fields["Credit Limit"] == "15000.5" && second.fields["Address 2"] == "Unit 4")
        #expect(second.fields["Home Page"] == "www.example.ie" && second.fields["E-Mail"] == "accounts@example.ie")
        guard case .done(let cursor) = page.next else {
            Issue.record("a page without @odata.nextLink is the last")
            return
        }
        #expect(cursor.value == "2026-11-30T09:01:03.500Z")
    }

    @Test func aDocumentedSalespersonPageDecodesIntoTheSalespersonTablesFields() throws {
        let transport = ScriptedTransport([
            .init(method: "GET", pathContains: "/salespeoplePurchasers", response: try ScriptedTransport.fixture("business-central-salespeople.json")),
        ])
        let endpoint = try ServiceEndpoint(kind: .businessCentral, url: "https://api.businesscentral.dynamics.com/v2.0/tenant/production/api/v2.0",
                                           company: Self.company)
        let client = ServiceClient(service: "Business Central", transport: transport, authorizer: StaticAuthorizer.bearer("t"),
                                   sleeper: RecordingSleeper())
        let table = BusinessCentralTable.salespeople(endpoint: endpoint, client: client)
        let page = try table.firstPage(.full, pageSize: 100)
        #expect(page.records.map(\.remoteID) == ["a3c1e7d2-92b5-ed11-94cc-000d3a2feca1", "b4d2f8e3-92b5-ed11-94cc-000d3a2feca1"])
        let lucia = try #require(page.records.first)
        #expect(lucia.fields == ["Code": "LM", "Name": "Lucía Martínez", "Job Title": "Account Manager",
                                 "E-Mail": "lucia.martinez@cronus.example", "Phone No.": "+34 600 900 103", "Blocked": "No"])
        #expect(page.records.last?.fields["Blocked"] == "Yes")
        #expect(lucia.modifiedAt == Timestamp(iso8601: "2026-11-28T15:42:26.000Z"))
        // Salespeople have no currency: the company's local currency is never asked for.
        #expect(try table.localCurrency() == nil)
        #expect(transport.requests.allSatisfy { $0.url.path.hasSuffix("/salespeoplePurchasers") })
    }

    @Test func aDocumentedBatchAnswerGivesEachRecordItsOwnResult() throws {
        let transport = try transport(extra: [
            .init(method: "POST", pathContains: "/$batch", response: try ScriptedTransport.fixture("business-central-batch-answer.json")),
        ])
        let results = try table(transport).write([
            .update(remoteID: "7e0c2b4a-5b6d-ef11-a670-000d3a298b2e", etag: #"W/"a""#, fields: ["City": "Huesca", "Blocked": "", "Currency Code": ""]),
            .update(remoteID: "8f1d3c5b-5b6d-ef11-a670-000d3a298b2e", etag: #"W/"b""#, fields: ["City": String(repeating: "C", count: 120)]),
        ])
        guard case .written(let record) = results[0] else {
            Issue.record("the first operation was written: \(results[0])")
            return
        }
        #expect(record.fields["City"] == "Huesca" && record.etag == #"W/"JzE5OzE0NTU2NzEyMzQ1Njc4OTAxMjQ7MDA7Jw==""#)
        guard case .refused(let message) = results[1] else {
            Issue.record("the second operation was refused alone: \(results[1])")
            return
        }
        #expect(message.hasPrefix("Application_StringExceededLength"))

        // What went out: one POST to <api>/$batch holding both PATCHes, relative to the API root.
        let batch = try #require(transport.requests.first { $0.method == "POST" })
        #expect(batch.url.absoluteString == "https://api.businesscentral.dynamics.com/v2.0/tenant/production/api/v2.0/$batch")
        let body = try #require(try JSONSerialization.jsonObject(with: batch.body) as? [String: Any])
        let requests = try #require(body["requests"] as? [[String: Any]])
        #expect(requests.map { $0["id"] as? String } == ["0", "1"])
        #expect(requests[0]["method"] as? String == "PATCH")
        #expect(requests[0]["url"] as? String == "companies(\(Self.company))/customers(7e0c2b4a-5b6d-ef11-a670-000d3a298b2e)")
        #expect((requests[0]["headers"] as? [String: String])?["If-Match"] == #"W/"a""#)
        let first = try #require(requests[0]["body"] as? [String: Any])
        #expect(first["city"] as? String == "Huesca" && first["blocked"] as? String == "_x0020_" && first["currencyCode"] as? String == "EUR")
        #expect(batch.headers["Isolation"] == nil)
    }
}
