import Foundation
import TandemCore

/// One Dataverse entity set (Web API v9.2) as one of Tandem's CRM tables: `accounts` as `account`,
/// `contacts` as `contact`, `systemusers` as `systemuser` (`DataverseEntitySet` says which attributes
/// travel and how).
///
/// Pulls use change tracking: the first read (`Prefer: odata.track-changes`) ends with an
/// `@odata.deltaLink`, which is the cursor; following it returns what changed since, deletions as
/// `$deletedEntity` rows. Writes are conditional: an update sends `If-Match` with the replica's ETag
/// (412 means someone else changed it), a create is a `PATCH` of a client-chosen id with
/// `If-None-Match: *`, so a retry after a lost answer finds the record it made instead of a second one.
/// Writes travel in multipart `$batch` requests, one change set per record (see `write`).
/// Currency is a lookup: Tandem keeps the ISO code, Dataverse the `transactioncurrency` id. A contact's
/// company is the account target of its `parentcustomerid` lookup: Tandem keeps the account's id, and
/// a company that is itself a contact reads as none (Tandem does not carry contact-to-contact parents).
/// An account's owner is the `systemuser` target of `ownerid` (a team reads as none), and is never
/// sent blank. Users (`systemusers`) are read only.
public final class DataverseTable: RemoteTable, @unchecked Sendable {
    public var tableName: String { entity.tableName }
    private let entity: DataverseEntitySet
    private let base: String
    private let client: ServiceClient

    public var traffic: (requests: Int, secondsWaited: Double) {
        let statistics = client.statistics
        return (statistics.requests, statistics.secondsWaited)
    }
    private let lock = NSLock()
    private var currencies: (byID: [String: String], byCode: [String: String])?

    private let select: String
    /// Reads ask for the lookups' logical names, so a company that is a contact is told from an account.
    private static let annotations = "odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\""

    init(entity: DataverseEntitySet, endpoint: ServiceEndpoint, client: ServiceClient) {
        self.entity = entity
        self.select = entity.select
        self.base = endpoint.url.absoluteString
        self.client = client
    }

    public func firstPage(_ start: PullStart, pageSize: Int) throws -> PullPage {
        switch start {
        case .full: return try page("\(base)/\(entity.setName)?$select=\(select)", pageSize: pageSize)
        case .since(let cursor): return try page(cursor.value, pageSize: pageSize)
        }
    }

    public func nextPage(link: String, pageSize: Int) throws -> PullPage { try page(link, pageSize: pageSize) }

    private func page(_ link: String, pageSize: Int) throws -> PullPage {
        let response = try get(link, prefer: "odata.track-changes, odata.maxpagesize=\(min(pageSize, 5_000))")
        if response.status == 410 || (response.status == 400 && ServiceClient.message(of: response).lowercased().contains("expired")) {
            throw ConnectorError.cursorExpired(table: tableName)
        }
        try check(response)
        let object = try ODataJSON.object(response, service: client.service)
        var records: [RemoteRecord] = []
        var deleted: [String] = []
        let currencies = try currencyIDs()
        for row in try ODataJSON.rows(object, service: client.service) {
            if let context = row["@odata.context"] as? String, context.contains("$deletedEntity") {
                if let id = row["id"] as? String { deleted.append(id.lowercased()) }
                continue
            }
            records.append(try record(row, currencies: currencies.byID))
        }
        if let next = object["@odata.nextLink"] as? String { return PullPage(records: records, deletedIDs: deleted, next: .page(link: next)) }
        guard let delta = object["@odata.deltaLink"] as? String else {
            throw ConnectorError.malformedResponse(service: client.service, detail: "the last page of a tracked read has no @odata.deltaLink")
        }
        return PullPage(records: records, deletedIDs: deleted, next: .done(PullCursor(delta)))
    }

    public func records(remoteIDs: [String]) throws -> [RemoteRecord] {
        var found: [RemoteRecord] = []
        let currencies = try currencyIDs()
        for chunk in remoteIDs.chunked(into: 50) {
            let filter = chunk.map { "\(entity.idAttribute) eq \($0)" }.joined(separator: " or ")
            var link: String? = "\(base)/\(entity.setName)?$select=\(select)&$filter=\(Self.encoded(filter))"
            while let next = link {
                let response = try get(next, prefer: "odata.maxpagesize=5000")
                try check(response)
                let object = try ODataJSON.object(response, service: client.service)
                found += try ODataJSON.rows(object, service: client.service).map { try record($0, currencies: currencies.byID) }
                link = object["@odata.nextLink"] as? String
            }
        }
        return found
    }

    public func records(numbers: [String]) throws -> [RemoteRecord] { [] }

    public func allRemoteIDs() throws -> Set<String> {
        var ids = Set<String>()
        var link: String? = "\(base)/\(entity.setName)?$select=\(entity.idAttribute)"
        while let next = link {
            let response = try get(next, prefer: "odata.maxpagesize=5000")
            try check(response)
            let object = try ODataJSON.object(response, service: client.service)
            for row in try ODataJSON.rows(object, service: client.service) {
                if let id = row[entity.idAttribute] as? String { ids.insert(id.lowercased()) }
            }
            link = object["@odata.nextLink"] as? String
        }
        return ids
    }

    /// Change sets per `$batch` request. Microsoft advises small batches ("start with a small batch size
    /// of 10 and increase concurrency", api-limits.md): a batch's operations run one after another on
    /// the server and count towards the execution-time limit together. 100 sends a hundred records per
    /// request, well inside the 1,000 the service allows.
    static let changeSetsPerBatch = 100
    /// How many batches one operation answered with a passing server error (5xx) is sent in.
    static let operationAttempts = 3
    /// The most `$batch` requests sent at once, whatever the hint (the service refuses a user's 52nd
    /// concurrent request, and every batch counts against the execution-time limit).
    static let mostParallelBatches = 8

    /// Sends the writes in `$batch` requests of `changeSetsPerBatch` change sets, one change set per
    /// record. A change set is atomic, so one holding several records would roll them all back for the
    /// one the service refuses; with one record each, every record commits or fails alone, and
    /// `Prefer: odata.continue-on-error` lets the batch go on past a failure. Each operation keeps its
    /// own `If-Match` / `If-None-Match: *`. As many batches are in flight as the service's
    /// `x-ms-dop-hint` recommends (at most `mostParallelBatches`; one until the service has said), each
    /// thread sending its next batch as soon as its last is answered, as Microsoft advises for
    /// throughput under the service-protection limits.
    public func write(_ writes: [RemoteWrite]) throws -> [RemoteWriteResult] {
        let currencies = try currencyIDs()
        let queue = DataverseWriteQueue(count: writes.count)
        for index in writes.indices { queue.add(DataverseWriteQueue.Item(index: index, operation: nil, sent: 0)) }
        let sendNext: @Sendable () throws -> Bool = { [self] in
            guard let taken = queue.take(Self.changeSetsPerBatch) else { return false }
            do {
                queue.finished(putBack: try send(taken, of: writes, through: queue, currencies: currencies))
            } catch {
                queue.abandon()
                throw error
            }
            return true
        }
        while client.statistics.degreeOfParallelism == nil, try sendNext() {}
        try ParallelRequests.drain(workers: max(1, min(client.statistics.degreeOfParallelism ?? 1, Self.mostParallelBatches)), sendNext)
        guard let results = queue.results else {
            throw ConnectorError.malformedResponse(service: client.service, detail: "answers missing for some of \(writes.count) writes")
        }
        return results
    }

    /// Sends one chunk of the queue as a batch (each thread builds the bodies of its own batch, so
    /// building overlaps the others' waits), settles what was answered, and returns what goes again:
    /// the operations a batch that stopped at a failure did not run, and those met by a passing server
    /// error, first.
    private func send(_ taken: [DataverseWriteQueue.Item], of writes: [RemoteWrite], through queue: DataverseWriteQueue,
                      currencies: (byID: [String: String], byCode: [String: String])) throws -> [DataverseWriteQueue.Item] {
        var chunk: [DataverseWriteQueue.Item] = []
        for var item in taken {
            if item.operation == nil {
                do {
                    item.operation = try operation(writes[item.index], currencies: currencies.byCode)
                } catch let refusal as Refusal {
                    queue.settle(item.index, .refused(refusal.message))
                    continue
                }
            }
            chunk.append(item)
        }
        guard !chunk.isEmpty else { return [] }
        let answers = try batch(chunk.compactMap(\.operation))
        var again: [DataverseWriteQueue.Item] = []
        for (item, answer) in zip(chunk, answers) {
            if (500...599).contains(answer.status), item.sent + 1 < Self.operationAttempts {
                again.append(DataverseWriteQueue.Item(index: item.index, operation: item.operation, sent: item.sent + 1))
                continue
            }
            queue.settle(item.index, try outcome(writes[item.index], answer, currencies: currencies.byID))
        }
        return Array(chunk.dropFirst(answers.count)) + again
    }

    /// Why one record is refused before anything is sent.
    private struct Refusal: Error { let message: String }

    /// The `$batch` operation for one write.
    private func operation(_ write: RemoteWrite, currencies: [String: String]) throws -> DataverseBatch.Operation {
        guard !entity.isReadOnly else {
            throw Refusal(message: "Dataverse's \(entity.setName) come from Microsoft Entra ID: Tandem reads them and never writes them")
        }
        let headers = ["Prefer": "return=representation, \(Self.annotations)"]
        switch write {
        case .create(let id, let fields):
            return DataverseBatch.Operation(method: "PATCH", url: "\(base)/\(entity.setName)(\(id))?$select=\(select)",
                                            headers: headers.merging(["If-None-Match": "*"]) { $1 },
                                            body: try body(fields, currencies: currencies))
        case .update(let id, let etag, let fields):
            return DataverseBatch.Operation(method: "PATCH", url: "\(base)/\(entity.setName)(\(id))?$select=\(select)",
                                            headers: headers.merging(["If-Match": etag]) { $1 },
                                            body: try body(fields, currencies: currencies))
        case .delete(let id, let etag):
            return DataverseBatch.Operation(method: "DELETE", url: "\(base)/\(entity.setName)(\(id))", headers: ["If-Match": etag], body: nil)
        }
    }

    /// Sends one batch and returns its answers in order: one per operation, or fewer when the service
    /// stopped at a failure. Throws when the batch as a whole was not answered.
    private func batch(_ operations: [DataverseBatch.Operation]) throws -> [HTTPResponse] {
        guard let url = URL(string: "\(base)/$batch") else {
            throw ConnectorError.malformedResponse(service: client.service, detail: "a base URL that makes no $batch URL")
        }
        let boundary = "batch_" + UUID().uuidString.lowercased()
        let response = try client.send(HTTPRequest(method: "POST", url: url, headers: [
            "Accept": "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0",
            "Content-Type": "multipart/mixed; boundary=\(boundary)", "Prefer": "odata.continue-on-error",
        ], body: DataverseBatch.body(operations, boundary: boundary)))
        // 200, or 400 when the service stopped at a failure (without continue-on-error): both carry answers.
        guard response.status == 200 || response.status == 400, let answers = DataverseBatch.answers(response) else {
            throw ConnectorError.serviceFailed(service: client.service, status: response.status, message: ServiceClient.message(of: response))
        }
        guard !answers.isEmpty, answers.count <= operations.count else {
            throw ConnectorError.malformedResponse(service: client.service,
                                                   detail: "a $batch of \(operations.count) change sets answered with \(answers.count) parts")
        }
        return answers
    }

    /// One operation's answer as its write's result.
    private func outcome(_ write: RemoteWrite, _ answer: HTTPResponse, currencies: [String: String]) throws -> RemoteWriteResult {
        switch (write, answer.status) {
        case (.delete, 200), (.delete, 204), (.delete, 404):
            // Gone either way: deleted now, or by a first attempt whose answer was lost, or by someone else.
            return .deleted
        case (.create, 200), (.create, 201), (.update, 200), (.update, 201):
            return .written(try record(try ODataJSON.object(answer, service: client.service), currencies: currencies))
        case (.create(let id, _), 204), (.update(let id, _, _), 204):
            return try records(remoteIDs: [id]).first.map(RemoteWriteResult.written) ?? .notFound
        case (.create(let id, _), 412):
            // It exists: a create whose answer was lost and that was sent again. The id was chosen
            // fresh for this create, so the record found is the one it made.
            return try records(remoteIDs: [id]).first.map(RemoteWriteResult.written) ?? .changedElsewhere
        case (_, 412): return .changedElsewhere
        case (.update, 404): return .notFound
        case (_, 400...499): return .refused(ServiceClient.message(of: answer))
        default:
            throw ConnectorError.serviceFailed(service: client.service, status: answer.status, message: ServiceClient.message(of: answer))
        }
    }

    private func record(_ row: [String: Any], currencies: [String: String]) throws -> RemoteRecord {
        guard let id = row[entity.idAttribute] as? String, let etag = row["@odata.etag"] as? String else {
            throw ConnectorError.malformedResponse(service: client.service,
                                                   detail: "a \(entity.tableName) without \(entity.idAttribute) or @odata.etag")
        }
        var fields: [String: String] = [:]
        for name in entity.textAttributes + entity.readOnlyAttributes { fields[name] = ODataJSON.text(row[name]) }
        for name in entity.moneyAttributes { fields[name] = row[name] is NSNull || row[name] == nil ? "" : ODataJSON.text(row[name]) }
        for name in entity.booleanAttributes { fields[name] = row[name] as? Bool == true ? "Yes" : "No" }
        if entity.hasState { fields["statecode"] = ODataJSON.text(row["statecode"]) == "1" ? "Inactive" : "Active" }
        if let field = entity.currencyField {
            let currency = (row["_transactioncurrencyid_value"] as? String)?.lowercased()
            fields[field] = currency.flatMap { currencies[$0] } ?? ""
        }
        for lookup in entity.lookups {
            let target = row[lookup.valueProperty + "@Microsoft.Dynamics.CRM.lookuplogicalname"] as? String
            let value = (row[lookup.valueProperty] as? String)?.lowercased() ?? ""
            fields[lookup.field] = target == nil || target == lookup.target ? value : ""
        }
        return RemoteRecord(remoteID: id.lowercased(), etag: etag,
                            modifiedAt: ODataJSON.timestamp(row["modifiedon"]) ?? Timestamp(milliseconds: 0), fields: fields)
    }

    private func body(_ fields: [String: String], currencies: [String: String]) throws -> Data {
        var object: [String: Any] = [:]
        for (name, value) in fields where !entity.readOnlyAttributes.contains(name) {
            if entity.moneyAttributes.contains(name) {
                object[name] = FieldValue.normalizedText(value).isEmpty ? NSNull() : ODataJSON.number(value)
            } else if name == "statecode" {
                object[name] = value.caseInsensitiveCompare("Inactive") == .orderedSame ? 1 : 0
            } else if name == entity.currencyField {
                let code = FieldValue.normalizedText(value).uppercased()
                if code.isEmpty {
                    object["transactioncurrencyid@odata.bind"] = NSNull()
                } else if let id = currencies[code] {
                    object["transactioncurrencyid@odata.bind"] = "/transactioncurrencies(\(id))"
                } else {
                    throw Refusal(message: "Dataverse has no transactioncurrency with the ISO code \(code)")
                }
            } else if entity.booleanAttributes.contains(name) {
                object[name] = value.caseInsensitiveCompare("Yes") == .orderedSame
            } else if let lookup = entity.lookups.first(where: { $0.field == name }) {
                // A blank disassociates (associate-disassociate-entities-using-web-api.md), except
                // where the row must keep a value: a blank owner is not sent at all.
                let id = FieldValue.normalizedText(value).lowercased()
                if !id.isEmpty {
                    object[lookup.navigation + "@odata.bind"] = "/\(lookup.targetSet)(\(id))"
                } else if !lookup.neverBlank {
                    object[lookup.navigation + "@odata.bind"] = NSNull()
                }
            } else {
                object[name] = value
            }
        }
        return try ODataJSON.body(object)
    }

    /// The organization's currencies, read once: id → ISO code and ISO code → id.
    private func currencyIDs() throws -> (byID: [String: String], byCode: [String: String]) {
        lock.lock()
        defer { lock.unlock() }
        if let currencies { return currencies }
        guard entity.currencyField != nil else { return ([:], [:]) }
        var byID: [String: String] = [:], byCode: [String: String] = [:]
        var link: String? = "\(base)/transactioncurrencies?$select=transactioncurrencyid,isocurrencycode"
        while let next = link {
            let response = try get(next, prefer: "odata.maxpagesize=5000")
            try check(response)
            let object = try ODataJSON.object(response, service: client.service)
            for row in try ODataJSON.rows(object, service: client.service) {
                guard let id = (row["transactioncurrencyid"] as? String)?.lowercased(), let code = row["isocurrencycode"] as? String
                else { continue }
                byID[id] = code.uppercased()
                byCode[code.uppercased()] = id
            }
            link = object["@odata.nextLink"] as? String
        }
        currencies = (byID, byCode)
        return (byID, byCode)
    }

    private func get(_ link: String, prefer: String) throws -> HTTPResponse {
        guard let url = URL(string: link) else {
            throw ConnectorError.malformedResponse(service: client.service, detail: "a link that is not a URL")
        }
        return try client.send(HTTPRequest(method: "GET", url: url, headers: [
            "Accept": "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0", "Prefer": "\(prefer), \(Self.annotations)",
        ]))
    }

    /// A read answered with anything but 200 is the service failing as a whole.
    private func check(_ response: HTTPResponse) throws {
        guard response.status == 200 else {
            throw ConnectorError.serviceFailed(service: client.service, status: response.status, message: ServiceClient.message(of: response))
        }
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&+=#"))) ?? text
    }
}
