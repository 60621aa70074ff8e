import Foundation

/// The HTTP side of one entity set under `companies(<id>)` (`customers`, `salespeoplePurchasers`):
/// list with `$filter`/`$select`/server-driven paging, read by id, POST, PATCH with the required
/// `If-Match`, DELETE. The caller holds the emulator's lock.
struct BusinessCentralEntityRoutes {
    let emulator: BusinessCentralEmulator
    let store: BusinessCentralEntityStore

    private var setName: String { store.type.setName }
    private var setPath: String { emulator.apiRoot + "/companies(\(emulator.companyID))/\(setName)" }
    private var context: String { emulator.baseURL.absoluteString + "/$metadata#companies(\(emulator.companyID))/\(setName)" }

    func handle(_ request: HTTPServerRequest, key: String?) throws(ODataServiceError) -> HTTPServerResponse {
        switch (request.method, key) {
        case ("GET", nil): return try list(request)
        case ("GET", let id?): return try single(request, id: id)
        case ("POST", nil): return try create(request)
        case ("PATCH", let id?): return try update(request, id: id)
        case ("DELETE", let id?): return try delete(request, id: id)
        default: return emulator.methodNotAllowed()
        }
    }

    private func list(_ request: HTTPServerRequest) throws(ODataServiceError) -> HTTPServerResponse {
        for item in request.queryItems where item.name.hasPrefix("$")
            && !["$filter", "$select", "$skiptoken"].contains(item.name) {
            // Unverified: BC supports more query options ($top, $skip, $orderby, $expand); the emulator
            // refuses them so a client relying on them is noticed.
            throw Self.badRequest("The query option '\(item.name)' is not supported by the emulator.")
        }
        let select = try selection(request)
        var filter: ODataFilter?
        if let text = request.query("$filter") {
            do {
                let parsed = try ODataFilter(text)
                for property in parsed.properties where !store.type.properties.contains(property) {
                    throw ODataFilterError(message: "Could not find a property named '\(property)' on type 'Microsoft.NAV.\(store.type.typeName)'.")
                }
                filter = parsed
            } catch let error as ODataFilterError {
                throw Self.badRequest(error.message)
            } catch {
                throw Self.badRequest("Invalid $filter.")
            }
        }
        var after = 0
        if let token = request.query("$skiptoken") {
            guard let state = PagingLink.state(token), state.hasPrefix("bc:"), let seq = Int(state.dropFirst(3)) else {
                throw Self.badRequest("The skip token is not valid.")
            }
            after = seq
        }
        let preferred = PagingLink.preferredPageSize(request.headers)
        let pageSize = min(max(preferred ?? BusinessCentralEmulator.maxPageSize, 1), BusinessCentralEmulator.maxPageSize)
        var page: [JSONValue] = []
        var lastSeq: Int?
        var more = false
        // Creation order is stable while records change: the token says "after this row".
        for row in store.ordered where row.seq > after {
            let entity = emulator.entityJSON(row, in: store)
            if let filter, !filter.matches({ entity[$0] }) { continue }
            if page.count == pageSize {
                more = true
                break
            }
            page.append(.object(project(entity, select)))
            lastSeq = row.seq
        }
        var body: [String: JSONValue] = ["@odata.context": .string(context), "value": .array(page)]
        if more, let lastSeq {
            body["@odata.nextLink"] = .string(PagingLink.make(
                base: emulator.authorityURL.absoluteString, path: setPath, items: request.queryItems,
                name: "$skiptoken", token: PagingLink.opaque("bc:\(lastSeq)")))
        }
        var headers = HTTPHeaderFields()
        if preferred != nil { headers["Preference-Applied"] = "odata.maxpagesize=\(pageSize)" }
        return .json(200, .object(body), headers: headers)
    }

    private func single(_ request: HTTPServerRequest, id: String) throws(ODataServiceError) -> HTTPServerResponse {
        let select = try selection(request)
        guard let row = store.row(id: id) else { throw BusinessCentralEntityStore.notFound }
        return entityResponse(200, row, select: select)
    }

    private func create(_ request: HTTPServerRequest) throws(ODataServiceError) -> HTTPServerResponse {
        let row = try store.create(try Self.object(request.body))
        var response = entityResponse(201, row, select: nil)
        response.headers["Location"] = emulator.authorityURL.absoluteString + setPath + "(\(row.fields["id"]?.stringValue ?? ""))"
        return response
    }

    private func update(_ request: HTTPServerRequest, id: String) throws(ODataServiceError) -> HTTPServerResponse {
        try checkIfMatch(request, id: id)
        let row = try store.update(id: id, try Self.object(request.body))
        return entityResponse(200, row, select: nil)
    }

    private func delete(_ request: HTTPServerRequest, id: String) throws(ODataServiceError) -> HTTPServerResponse {
        try checkIfMatch(request, id: id)
        try store.delete(id: id)
        return HTTPServerResponse(status: 204)
    }

    /// PATCH and DELETE need `If-Match` with the current ETag or `*` (interop.md §1.4).
    private func checkIfMatch(_ request: HTTPServerRequest, id: String) throws(ODataServiceError) {
        guard let row = store.row(id: id) else { throw BusinessCentralEntityStore.notFound }
        guard let ifMatch = request.headers["If-Match"], !ifMatch.isEmpty else {
            throw ODataServiceError(status: 400, code: "BadRequest_InvalidToken",
                                    message: "Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.")
        }
        let tags = ifMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard tags.contains("*") || tags.contains(store.etag(row)) else {
            throw ODataServiceError(status: 409, code: "Request_EntityChanged",
                                    message: "Another user has already changed the record.")
        }
    }

    private func entityResponse(_ status: Int, _ row: BusinessCentralEntityStore.Row, select: [String]?) -> HTTPServerResponse {
        var entity = project(emulator.entityJSON(row, in: store), select)
        entity["@odata.context"] = .string(context + "/$entity")
        var headers = HTTPHeaderFields()
        headers["ETag"] = store.etag(row)
        return .json(status, .object(entity), headers: headers)
    }

    private func selection(_ request: HTTPServerRequest) throws(ODataServiceError) -> [String]? {
        guard let text = request.query("$select") else { return nil }
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for name in names where !store.type.properties.contains(name) {
            throw Self.badRequest("Could not find a property named '\(name)' on type 'Microsoft.NAV.\(store.type.typeName)'.")
        }
        return names
    }

    /// The selected properties plus `@odata.etag`.
    private func project(_ entity: [String: JSONValue], _ select: [String]?) -> [String: JSONValue] {
        guard let select else { return entity }
        var result: [String: JSONValue] = ["@odata.etag": entity["@odata.etag"] ?? .null]
        for name in select { result[name] = entity[name] ?? .null }
        return result
    }

    static func object(_ body: Data) throws(ODataServiceError) -> [String: JSONValue] {
        guard let object = JSONValue.parse(body)?.objectValue else {
            throw badRequest("The request body is not a JSON object.")
        }
        return object
    }

    static func badRequest(_ message: String) -> ODataServiceError {
        ODataServiceError(status: 400, code: "BadRequest", message: message)
    }
}
