import Foundation

/// Dataverse's `$batch`: a `multipart/mixed` body of single requests and change sets, answered in
/// `multipart/mixed` (OData 4.0 Part 1 §11.7; execute-batch-operations-using-web-api.md):
/// - at most 1,000 requests, change-set operations included; no nested change sets; no `GET` inside one;
/// - requests run in order; a change set is atomic: when one of its operations fails, the ones before
///   it are rolled back and the change set is answered by that one failure (an `application/http` part,
///   as OData 4.0 prescribes), else by a `multipart/mixed` part with every answer and its `Content-ID`;
/// - without `Prefer: odata.continue-on-error` the batch stops at the first failure and answers 400
///   with the answers so far; with it, every request runs and the batch answers 200;
/// - `$n` at the start of an operation's URL names the record created by `Content-ID: n` earlier in
///   the same change set.
/// The caller holds the emulator's lock, so a batch is isolated from other requests.
struct DataverseBatchProcessor {
    let emulator: DataverseEmulator

    fileprivate enum Item {
        case single(HTTPServerRequest)
        case changeSet([(contentID: String, request: HTTPServerRequest)])
    }

    /// A batch read from its request, to run later: parsing touches nothing the lock guards, so the
    /// emulator parses batches outside it, as the service works on requests in parallel.
    struct Parsed {
        fileprivate let items: Result<[Item], ODataServiceError>
        fileprivate let request: HTTPServerRequest
    }

    func parse(_ request: HTTPServerRequest) -> Parsed {
        Parsed(items: Result { () throws(ODataServiceError) in try items(of: request) }, request: request)
    }

    /// Runs a parsed batch (the caller holds the emulator's lock).
    func run(_ parsed: Parsed) -> HTTPServerResponse {
        let request = parsed.request
        let items: [Item]
        switch parsed.items {
        case .success(let parsedItems): items = parsedItems
        case .failure(let error): return error.response
        }
        let continueOnError = request.headers.tokens("Prefer").contains { $0.lowercased() == "odata.continue-on-error" }
        var parts: [MultipartMixed.Part] = []
        var stopped = false
        for item in items {
            let (part, failed) = run(item)
            parts.append(part)
            if failed && !continueOnError {
                stopped = true
                break
            }
        }
        let boundary = "batchresponse_" + UUID().uuidString.lowercased()
        var headers = HTTPHeaderFields([("Content-Type", "multipart/mixed; boundary=\(boundary)")])
        // Unverified: whether Dataverse echoes the applied preference.
        if continueOnError { headers["Preference-Applied"] = "odata.continue-on-error" }
        return HTTPServerResponse(status: stopped ? 400 : 200, headers: headers,
                                  body: Data(MultipartMixed.body(parts, boundary: boundary).utf8))
    }

    // MARK: Running

    /// The answer part of one item, and whether it failed.
    private func run(_ item: Item) -> (MultipartMixed.Part, Bool) {
        switch item {
        case .single(let request):
            let response = emulator.route(request)
            return (Self.httpPart(response, contentID: nil), response.status >= 400)
        case .changeSet(let operations):
            let stores = emulator.stores
            for store in stores { store.begin() }
            var answers: [MultipartMixed.Part] = []
            var created: [String: String] = [:]
            for operation in operations {
                let response = emulator.route(resolved(operation.request, created))
                if response.status >= 400 {
                    for store in stores { store.rollback() }
                    return (Self.httpPart(response, contentID: operation.contentID), true)
                }
                if let entity = response.headers["OData-EntityId"] { created[operation.contentID] = entity }
                answers.append(Self.httpPart(response, contentID: operation.contentID))
            }
            for store in stores { store.commit() }
            let boundary = "changesetresponse_" + UUID().uuidString.lowercased()
            let text = MultipartMixed.body(answers, boundary: boundary)
            return (MultipartMixed.Part(headers: HTTPHeaderFields([("Content-Type", "multipart/mixed; boundary=\(boundary)")]),
                                        content: String(text.dropLast())), false)   // its final CRLF: one Character
        }
    }

    /// The request with a leading `$n` in its target replaced by the record `Content-ID: n` created.
    private func resolved(_ request: HTTPServerRequest, _ created: [String: String]) -> HTTPServerRequest {
        guard request.target.hasPrefix("$") else { return request }
        let reference = request.target.dropFirst().prefix { $0.isNumber }
        guard let entity = created[String(reference)], let url = URL(string: entity) else { return request }
        let rest = request.target.dropFirst(1 + reference.count)
        return HTTPServerRequest(method: request.method, target: url.path(percentEncoded: true) + rest, headers: request.headers, body: request.body)
    }

    private static func httpPart(_ response: HTTPServerResponse, contentID: String?) -> MultipartMixed.Part {
        var headers = HTTPHeaderFields([("Content-Type", "application/http"), ("Content-Transfer-Encoding", "binary")])
        if let contentID { headers["Content-ID"] = contentID }
        var inner = response.headers
        inner["OData-Version"] = "4.0"
        let line = "HTTP/1.1 \(response.status) \(HTTPServerResponse.reason(response.status))"
        return MultipartMixed.Part(headers: headers, content: MultipartMixed.message(startLine: line, headers: inner, body: response.body))
    }

    // MARK: Parsing

    private func items(of request: HTTPServerRequest) throws(ODataServiceError) -> [Item] {
        guard let boundary = MultipartMixed.boundary(request.headers["Content-Type"]) else {
            // Unverified: code and message.
            throw DataverseEmulator.badRequest("The batch request must have a Content-Type of multipart/mixed with a boundary.")
        }
        guard let parts = MultipartMixed.parts(String(decoding: request.body, as: UTF8.self), boundary: boundary) else {
            throw DataverseEmulator.badRequest("The batch request body is not a complete multipart/mixed message.")
        }
        var items: [Item] = []
        var count = 0
        for part in parts {
            if let inner = MultipartMixed.boundary(part.headers["Content-Type"]) {
                guard let operations = MultipartMixed.parts(part.content, boundary: inner) else {
                    throw DataverseEmulator.badRequest("A change set is not a complete multipart/mixed message.")
                }
                var set: [(String, HTTPServerRequest)] = []
                for operation in operations {
                    guard MultipartMixed.boundary(operation.headers["Content-Type"]) == nil else {
                        throw DataverseEmulator.badRequest("Change sets cannot be nested.")
                    }
                    guard let contentID = operation.headers["Content-ID"], !contentID.isEmpty else {
                        // Unverified: reported by a third-party client (0x80060888, "Content-ID header not present").
                        throw DataverseEmulator.badRequest("Content-ID header not present for a request inside a change set.")
                    }
                    let parsed = try Self.request(operation)
                    guard parsed.method != "GET" else {
                        throw DataverseEmulator.badRequest("GET requests are not allowed inside a change set.")
                    }
                    set.append((contentID, parsed))
                }
                count += set.count
                items.append(.changeSet(set))
            } else {
                items.append(.single(try Self.request(part)))
                count += 1
            }
        }
        guard count <= DataverseEmulator.maxBatchOperations else {
            // Documented limit; Unverified: code and message.
            throw DataverseEmulator.badRequest("The batch request holds \(count) requests; the maximum is \(DataverseEmulator.maxBatchOperations).")
        }
        return items
    }

    /// The request an `application/http` part holds, its target made a path under this server
    /// (absolute URLs, absolute paths and paths relative to the service root are all accepted).
    private static func request(_ part: MultipartMixed.Part) throws(ODataServiceError) -> HTTPServerRequest {
        guard let parsed = MultipartMixed.request(part.content) else {
            throw DataverseEmulator.badRequest("A batch part does not hold an HTTP request.")
        }
        var target = parsed.target
        if let url = URL(string: target), url.scheme != nil {
            target = url.path(percentEncoded: true) + (url.query.map { "?" + $0 } ?? "")
        } else if !target.hasPrefix("/") && !target.hasPrefix("$") {
            target = DataverseEmulator.apiRoot + "/" + target
        }
        return HTTPServerRequest(method: parsed.method, target: target, headers: parsed.headers, body: Data(parsed.body.utf8))
    }
}
