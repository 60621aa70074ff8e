import Foundation
import TandemCore

/// One Business Central entity set (API v2.0, under one company) as one of Tandem's ERP tables:
/// `customers` as `Customer`, `salespeoplePurchasers` as `Salesperson` (`BusinessCentralEntitySet`
/// says which properties travel and how).
///
/// Pulls read `$filter=lastModifiedDateTime gt <cursor − overlap>` page by page (delta links were
/// removed in version 24); the cursor is the latest modification time seen. The API reports no
/// deletions that way, so `allRemoteIDs` lets the puller find them. Updates and deletes need
/// `If-Match` (409 `Request_EntityChanged` means someone else changed the record); the service
/// assigns ids itself, so a create whose answer was lost is recognised by its key (`number`, `code`). The API
/// shows a blank currency as the company's local currency (LCY): Tandem keeps it blank, as the
/// Customer table does, and translates both ways so no phantom change appears.
public final class BusinessCentralTable: RemoteTable, @unchecked Sendable {
    public var tableName: String { entity.tableName }
    private let entity: BusinessCentralEntitySet
    private let apiRoot: String
    private let base: String
    private let companyID: String
    private let client: ServiceClient

    public var traffic: (requests: Int, secondsWaited: Double) {
        let statistics = client.statistics
        return (statistics.requests, statistics.secondsWaited)
    }
    /// How far before the cursor an incremental pull starts: commit order and timestamps need not agree.
    private let overlapMilliseconds: Int64
    private let lock = NSLock()
    private var cachedLocalCurrency: String?

    /// `customers` as the ERP `Customer` table.
    public static func customers(endpoint: ServiceEndpoint, client: ServiceClient) -> BusinessCentralTable {
        BusinessCentralTable(entity: .customer, endpoint: endpoint, client: client)
    }

    /// `salespeoplePurchasers` as the ERP `Salesperson` table.
    public static func salespeople(endpoint: ServiceEndpoint, client: ServiceClient) -> BusinessCentralTable {
        BusinessCentralTable(entity: .salesperson, endpoint: endpoint, client: client)
    }

    init(entity: BusinessCentralEntitySet, endpoint: ServiceEndpoint, client: ServiceClient, overlapMilliseconds: Int64 = 1_000) {
        self.entity = entity
        let root = endpoint.url.absoluteString
        self.apiRoot = root
        self.base = "\(root)/companies(\(endpoint.company))"
        self.companyID = endpoint.company
        self.client = client
        self.overlapMilliseconds = overlapMilliseconds
    }

    public func firstPage(_ start: PullStart, pageSize: Int) throws -> PullPage {
        switch start {
        case .full:
            return try page("\(base)/\(entity.setName)", latest: nil, pageSize: pageSize, first: true)
        case .since(let cursor):
            guard let since = Timestamp(iso8601: cursor.value) else { throw ConnectorError.cursorExpired(table: tableName) }
            let from = since.adding(milliseconds: -overlapMilliseconds).iso8601
            return try page("\(base)/\(entity.setName)?$filter=\(DataverseTable.encoded("lastModifiedDateTime gt \(from)"))",
                            latest: since, pageSize: pageSize, first: true)
        }
    }

    /// The link handed to the puller carries the latest modification time seen so far before the
    /// service's own (opaque) link, so the cursor at the end covers every page.
    public func nextPage(link: String, pageSize: Int) throws -> PullPage {
        guard let split = link.firstIndex(of: " ") else {
            throw ConnectorError.malformedResponse(service: client.service, detail: "a page link Tandem did not make")
        }
        return try page(String(link[link.index(after: split)...]), latest: Timestamp(iso8601: String(link[..<split])),
                        pageSize: pageSize)
    }

    private func page(_ link: String, latest: Timestamp?, pageSize: Int, first: Bool = false) throws -> PullPage {
        let response = try get(link, maxPageSize: min(pageSize, 20_000))
        if first, entity.isRecent, response.status == 404 {
            // A set that came with a recent version (`salespeoplePurchasers`): an older service has none.
            throw ConnectorError.tableNotOffered(service: client.service, table: tableName, set: entity.setName)
        }
        try check(response)
        let object = try ODataJSON.object(response, service: client.service)
        let lcy = try localCurrencyCode()
        let records = try ODataJSON.rows(object, service: client.service).map { try record($0, lcy: lcy) }
        let newest = ([latest].compactMap { $0 } + records.map(\.modifiedAt)).max() ?? Timestamp(milliseconds: 0)
        if let next = object["@odata.nextLink"] as? String { return PullPage(records: records, next: .page(link: "\(newest.iso8601) \(next)")) }
        return PullPage(records: records, next: .done(PullCursor(newest.iso8601)))
    }

    public func records(remoteIDs: [String]) throws -> [RemoteRecord] {
        try filtered(remoteIDs.map { "id eq \($0)" })
    }

    public func records(numbers: [String]) throws -> [RemoteRecord] {
        try filtered(numbers.map { "\(entity.keyProperty) eq \(ODataJSON.literal($0).removingPercentEncoding ?? $0)" })
    }

    private func filtered(_ conditions: [String]) throws -> [RemoteRecord] {
        var found: [RemoteRecord] = []
        let lcy = try localCurrencyCode()
        for chunk in conditions.chunked(into: 40) {
            try pages.forEach(from: "\(base)/\(entity.setName)?$filter=\(DataverseTable.encoded(chunk.joined(separator: " or ")))") { object in
                found += try ODataJSON.rows(object, service: client.service).map { try record($0, lcy: lcy) }
            }
        }
        return found
    }

    public func allRemoteIDs() throws -> Set<String> {
        var ids = Set<String>()
        try pages.forEach(from: "\(base)/\(entity.setName)?$select=id") { object in
            for row in try ODataJSON.rows(object, service: client.service) {
                if let id = row["id"] as? String { ids.insert(id.lowercased()) }
            }
        }
        return ids
    }

    private var pages: ODataPages {
        ODataPages(service: client.service) { [unowned self] link in try get(link, maxPageSize: 20_000) }
    }

    /// Sends the writes in JSON `$batch` requests of at most 100 operations, each committing on its
    /// own; operations the service throttled or failed in passing are sent again in the next batch.
    public func write(_ writes: [RemoteWrite]) throws -> [RemoteWriteResult] {
        let lcy = try localCurrencyCode()
        var results: [RemoteWriteResult] = []
        results.reserveCapacity(writes.count)
        for chunk in writes.chunked(into: BusinessCentralBatch.limit) {
            results += try writeBatch(chunk, lcy: lcy)
        }
        return results
    }

    private func writeBatch(_ writes: [RemoteWrite], lcy: String) throws -> [RemoteWriteResult] {
        var answers = [HTTPResponse?](repeating: nil, count: writes.count)
        var pending = Array(writes.indices)
        var failures = 0
        while !pending.isEmpty {
            let batch = BusinessCentralBatch(operations: try pending.map { try operation(writes[$0], lcy: lcy) })
            let response = try postBatch(try batch.body())
            guard response.status == 200 else {
                throw ConnectorError.serviceFailed(service: client.service, status: response.status, message: ServiceClient.message(of: response))
            }
            var again: [Int] = []
            var wait = 0.0
            for (index, answer) in zip(pending, try batch.responses(response, service: client.service)) {
                if [429, 500, 502, 503, 504].contains(answer.status) {
                    again.append(index)
                    wait = max(wait, answer.headers["retry-after"].flatMap(Double.init) ?? client.backoff(failures + 1))
                } else {
                    answers[index] = answer
                }
            }
            if !again.isEmpty {
                failures += 1
                guard failures < 8 else {
                    throw ConnectorError.serviceFailed(service: client.service, status: 503,
                                                       message: "\(again.count) operations of a batch stayed throttled or failing")
                }
                client.wait(wait, because: .throttled)
            }
            pending = again
        }
        return try zip(writes, answers).map { write, answer in try result(write, answer!, lcy: lcy) }
    }

    private func operation(_ write: RemoteWrite, lcy: String) throws -> BusinessCentralBatch.Operation {
        let company = "companies(\(companyID))"
        switch write {
        case .create(_, let fields):
            return .init(method: "POST", url: "\(company)/\(entity.setName)", headers: [:], body: try body(fields, lcy: lcy))
        case .update(let id, let etag, let fields):
            return .init(method: "PATCH", url: "\(company)/\(entity.setName)(\(id))", headers: ["If-Match": etag], body: try body(fields, lcy: lcy))
        case .delete(let id, let etag):
            return .init(method: "DELETE", url: "\(company)/\(entity.setName)(\(id))", headers: ["If-Match": etag], body: nil)
        }
    }

    private func result(_ write: RemoteWrite, _ response: HTTPResponse, lcy: String) throws -> RemoteWriteResult {
        switch write {
        case .create(_, let fields):
            let number = fields[entity.keyField] ?? ""
            if response.status == 400, ServiceClient.errorCode(of: response) == "Internal_EntityWithSameKeyExists", !number.isEmpty {
                // A create sent again after its answer was lost: the record with its number is the one it made.
                if let made = try records(numbers: [number]).first { return .written(made) }
            }
            return try outcome(response, lcy: lcy)
        case .update:
            return try outcome(response, lcy: lcy)
        case .delete:
            // Gone already (a delete sent again after its answer was lost, or someone else's): the end is the same.
            if [200, 204, 404].contains(response.status) { return .deleted }
            return try outcome(response, lcy: lcy)
        }
    }

    private func outcome(_ response: HTTPResponse, lcy: String) throws -> RemoteWriteResult {
        switch response.status {
        case 200, 201: return .written(try record(try ODataJSON.object(response, service: client.service), lcy: lcy))
        case 409, 412: return .changedElsewhere
        case 404: return .notFound
        case 400...499: return .refused(ServiceClient.message(of: response))
        default: throw ConnectorError.serviceFailed(service: client.service, status: response.status,
                                                    message: ServiceClient.message(of: response))
        }
    }

    private func record(_ row: [String: Any], lcy: String) throws -> RemoteRecord {
        guard let id = row["id"] as? String, let etag = row["@odata.etag"] as? String else {
            throw ConnectorError.malformedResponse(service: client.service, detail: "a \(entity.tableName) without id or @odata.etag")
        }
        var fields: [String: String] = [:]
        for (api, field) in entity.textFields + entity.decimalFields { fields[field] = ODataJSON.text(row[api]) }
        for (api, field) in entity.enumFields { fields[field] = Self.blocked(fromAPI: ODataJSON.text(row[api])) }
        for (api, field) in entity.booleanFields { fields[field] = row[api] as? Bool == true ? "Yes" : "No" }
        if let field = entity.currencyField {
            let currency = ODataJSON.text(row["currencyCode"])
            fields[field] = currency.caseInsensitiveCompare(lcy) == .orderedSame ? "" : currency
        }
        return RemoteRecord(remoteID: id.lowercased(), etag: etag,
                            modifiedAt: ODataJSON.timestamp(row["lastModifiedDateTime"]) ?? Timestamp(milliseconds: 0), fields: fields)
    }

    private func body(_ fields: [String: String], lcy: String) throws -> Data {
        var object: [String: Any] = [:]
        for (api, field) in entity.textFields { if let value = fields[field] { object[api] = value } }
        for (api, field) in entity.decimalFields { if let value = fields[field] { object[api] = ODataJSON.number(value) } }
        for (api, field) in entity.enumFields { if let value = fields[field] { object[api] = value.isEmpty ? Self.blankEnumMember : value } }
        for (api, field) in entity.booleanFields {
            if let value = fields[field] { object[api] = value.caseInsensitiveCompare("Yes") == .orderedSame }
        }
        if let field = entity.currencyField, let currency = fields[field] { object["currencyCode"] = currency.isEmpty ? lcy : currency }
        return try ODataJSON.body(object)
    }

    /// How the API names an enum's blank member (" " in AL): `_x0020_`, as recorded v2.0 responses show.
    static let blankEnumMember = "_x0020_"

    /// The API's `blocked` as the Customer table's Blocked: the blank member (in either spelling) is empty.
    static func blocked(fromAPI value: String) -> String {
        value == blankEnumMember || value.trimmingCharacters(in: .whitespaces).isEmpty ? "" : value
    }

    /// The company's local currency code (`companyInformation.currencyCode`), read once.
    public func localCurrency() throws -> String? {
        let code = try localCurrencyCode()
        return code.isEmpty ? nil : code
    }

    private func localCurrencyCode() throws -> String {
        // Only a table with a currency needs it; the others never ask the service.
        guard entity.currencyField != nil else { return "" }
        lock.lock()
        defer { lock.unlock() }
        if let cachedLocalCurrency { return cachedLocalCurrency }
        let response = try get("\(base)/companyInformation", maxPageSize: nil)
        try check(response)
        let object = try ODataJSON.object(response, service: client.service)
        let row = (object["value"] as? [[String: Any]])?.first ?? object
        let code = ODataJSON.text(row["currencyCode"])
        cachedLocalCurrency = code
        return code
    }

    private func get(_ link: String, maxPageSize: Int?) throws -> HTTPResponse {
        guard let url = URL(string: link) else {
            throw ConnectorError.malformedResponse(service: client.service, detail: "a link that is not a URL")
        }
        var headers = ["Accept": "application/json", "Accept-Language": "en-US"]
        if let maxPageSize { headers["Prefer"] = "odata.maxpagesize=\(maxPageSize)" }
        return try client.send(HTTPRequest(method: "GET", url: url, headers: headers))
    }

    private func postBatch(_ body: Data) throws -> HTTPResponse {
        guard let url = URL(string: "\(apiRoot)/$batch") else {
            throw ConnectorError.malformedResponse(service: client.service, detail: "an API address that makes no $batch URL")
        }
        let headers = ["Accept": "application/json", "Accept-Language": "en-US", "Content-Type": "application/json"]
        return try client.send(HTTPRequest(method: "POST", url: url, headers: headers, body: body))
    }

    private func check(_ response: HTTPResponse) throws {
        guard response.status == 200 else {
            throw ConnectorError.serviceFailed(service: client.service, status: response.status, message: ServiceClient.message(of: response))
        }
    }
}
