import Foundation

/// The HTTP side of one entity set (`accounts`, `contacts`): reads with `$select`, `$filter` and server paging
/// (`Prefer: odata.maxpagesize`, `@odata.nextLink` with a paging-cookie `$skiptoken`, no `$skip`);
/// change tracking (`Prefer: odata.track-changes` → `@odata.deltaLink`; the delta link → changed rows,
/// then `$deletedEntity` rows; an expired token → 410); `POST`; `PATCH` as update or upsert, guarded by
/// `If-Match` / `If-None-Match: *`; `DELETE`. The caller holds the emulator's lock.
///
/// Sources: query/page-results.md (paging), use-change-tracking-synchronize-data-external-systems.md
/// (change tracking), perform-conditional-operations-using-web-api.md and update-delete-entities-using-web-api.md
/// (conditional writes, upsert), as summarised in interop.md §2.4–2.6.
struct DataverseEntityRoutes {
    let emulator: DataverseEmulator
    let store: DataverseEntityStore
    private var type: DataverseEntityType { store.type }
    private var setPath: String { DataverseEmulator.apiRoot + "/" + type.setName }
    private var metadata: String { emulator.baseURL.absoluteString + "/$metadata" }

    /// Where a paged read stands, carried in the `$skiptoken`.
    private enum Position {
        /// A full read: rows after creation number `after`; `trackedFrom` is the version the read started
        /// at when it tracks changes (its delta link starts there).
        case full(after: Int, trackedFrom: Int64?)
        /// A delta read of the versions in `since < v <= until`: changed rows after version `after`,
        /// then (once `deletions`) tombstones after version `after`.
        case delta(since: Int64, until: Int64, deletions: Bool, after: Int64)
    }

    func handle(_ request: HTTPServerRequest, key: String?) throws(ODataServiceError) -> HTTPServerResponse {
        // Unverified: the service lets a client update some user attributes; Tandem never does.
        if store.type.readOnly, request.method != "GET" { throw DataverseEmulator.methodNotAllowed(request.method) }
        switch (request.method, key) {
        case ("GET", nil): return try list(request)
        case ("GET", let id?): return try single(request, id: id)
        case ("POST", nil): return try create(request)
        case ("PATCH", let id?): return try patch(request, id: id)
        case ("DELETE", let id?): return try delete(request, id: id)
        default: throw DataverseEmulator.methodNotAllowed(request.method)
        }
    }

    // MARK: Reads

    private func list(_ request: HTTPServerRequest) throws(ODataServiceError) -> HTTPServerResponse {
        if request.query("$skip") != nil {
            // Documented: `$skip` is not supported (page-results.md). Unverified: code and message.
            throw DataverseEmulator.badRequest("The query parameter $skip is not supported.")
        }
        for item in request.queryItems where item.name.hasPrefix("$")
            && !["$select", "$filter", "$skiptoken", "$deltatoken"].contains(item.name) {
            // Unverified: Dataverse supports $top, $orderby, $expand, $count outside change tracking; the
            // emulator refuses them so that a client relying on them is noticed.
            throw DataverseEmulator.badRequest("The query option '\(item.name)' is not supported by the emulator.")
        }
        let select = try selection(request)
        let filter = try parsedFilter(request)
        let preferences = request.headers.tokens("Prefer").map { $0.lowercased() }
        var position = try position(request, tracking: preferences.contains("odata.track-changes"))
        let tracking: Bool
        switch position {
        case .full(_, let from): tracking = from != nil
        case .delta: tracking = true
        }
        if tracking, filter != nil {
            // Documented: $filter, $orderby, $expand and $top are not supported with change tracking.
            // Unverified: code and message.
            throw DataverseEmulator.badRequest("The query option '$filter' is not supported when change tracking is requested.")
        }
        let preferred = PagingLink.preferredPageSize(request.headers)
        let pageSize = min(max(preferred ?? DataverseEmulator.maxPageSize, 1), DataverseEmulator.maxPageSize)
        var body: [String: JSONValue] = [:]
        let selected = select.map { "(" + $0.joined(separator: ",") + ")" } ?? ""
        var page: [JSONValue] = []
        var done = true
        switch position {
        case .full(let after, let from):
            body["@odata.context"] = .string(metadata + "#\(type.setName)\(selected)")
            var last = after
            for row in store.ordered where row.seq > after {
                let entity = store.entity(row)
                if let filter, !filter.matches({ entity[$0] }) { continue }
                if page.count == pageSize {
                    done = false
                    break
                }
                page.append(.object(project(entity, select, request)))
                last = row.seq
            }
            position = .full(after: last, trackedFrom: from)
        case .delta(let since, let until, let deletions, let after):
            body["@odata.context"] = .string(metadata + "#\(type.setName)\(selected)/$delta")
            var cursor = (deletions: deletions, after: after)
            if !deletions {
                let changed = store.rows.values.filter { $0.version > max(since, after) && $0.version <= until }
                    .sorted { $0.version < $1.version }
                for row in changed {
                    if page.count == pageSize { break }
                    page.append(.object(project(store.entity(row), select, request)))
                    cursor.after = row.version
                }
                if page.count < pageSize || changed.last?.version == cursor.after { cursor = (true, since) }
            }
            if cursor.deletions {
                // A tombstone of an id that exists again (an upsert after the delete) is not reported.
                let gone = store.tombstones.filter { tombstone in
                    tombstone.version > max(since, cursor.after) && tombstone.version <= until
                        && (store.row(id: tombstone.id)?.version ?? 0) < tombstone.version
                }
                for tombstone in gone {
                    if page.count == pageSize {
                        done = false
                        break
                    }
                    page.append(.object(["@odata.context": .string(metadata + "#\(type.setName)/$deletedEntity"),
                                         "id": .string(tombstone.id), "reason": .string("deleted")]))
                    cursor.after = tombstone.version
                }
            } else {
                done = false
            }
            position = .delta(since: since, until: until, deletions: cursor.deletions, after: cursor.after)
        }
        body["value"] = .array(page)
        if !done {
            body["@odata.nextLink"] = .string(link(request, name: "$skiptoken", token: cookie(position, page: pageNumber(request) + 1,
                                                                                               tracking: tracking)))
        } else if tracking {
            let until: Int64
            switch position {
            case .full(_, let from): until = from ?? store.version
            case .delta(_, let end, _, _): until = end
            }
            body["@odata.deltaLink"] = .string(link(request, name: "$deltatoken", token: Self.deltaToken(until)))
        }
        var headers = HTTPHeaderFields()
        var applied: [String] = []
        if preferred != nil { applied.append("odata.maxpagesize=\(pageSize)") }
        if preferences.contains("odata.track-changes") { applied.append("odata.track-changes") }
        if !applied.isEmpty { headers["Preference-Applied"] = applied.joined(separator: ",") }
        return .json(200, .object(body), headers: headers)
    }

    /// Where this request starts: after its `$skiptoken`, at its `$deltatoken`, or at the beginning.
    private func position(_ request: HTTPServerRequest, tracking: Bool) throws(ODataServiceError) -> Position {
        if let token = request.query("$skiptoken") {
            guard let state = Self.cookieState(token) else { throw DataverseEmulator.badRequest("The $skiptoken is not valid.") }
            let parts = state.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 3, parts[0] == "full", let after = Int(parts[1]) {
                return .full(after: after, trackedFrom: Int64(parts[2]))
            }
            if parts.count == 5, parts[0] == "delta", let since = Int64(parts[1]), let until = Int64(parts[2]),
               let after = Int64(parts[4]) {
                try checkNotExpired(since)
                return .delta(since: since, until: until, deletions: parts[3] == "d", after: after)
            }
            throw DataverseEmulator.badRequest("The $skiptoken is not valid.")
        }
        if let token = request.query("$deltatoken") {
            guard let version = token.split(separator: "!").first.flatMap({ Int64($0) }) else {
                throw DataverseEmulator.badRequest("The $deltatoken '\(token)' is not valid.")
            }
            try checkNotExpired(version)
            return .delta(since: version, until: store.version, deletions: false, after: version)
        }
        // Unverified: whether changes made while a multi-page initial read runs come again in the first
        // delta (MicrosoftDocs/powerapps-docs#3862 asks and has no answer). The emulator's delta link
        // starts at the version the read started at, so they do: nothing is lost, some rows come twice.
        return .full(after: 0, trackedFrom: tracking ? store.version : nil)
    }

    private func checkNotExpired(_ version: Int64) throws(ODataServiceError) {
        guard version >= emulator.oldestDeltaVersion else {
            // The message users report for an expired token (MicrosoftDocs/powerapps-docs#3845).
            // Unverified: the status (410 Gone, as third-party guides describe it) and the code.
            throw ODataServiceError(status: 410, code: "0x80044352",
                                    message: "Version stamp associated with the client has expired. Please perform a full sync.")
        }
    }

    private func single(_ request: HTTPServerRequest, id: String) throws(ODataServiceError) -> HTTPServerResponse {
        let select = try selection(request)
        guard let row = store.row(id: id) else { throw store.notFound(id) }
        if let tag = request.headers["If-None-Match"], tag == store.etag(row) {
            return HTTPServerResponse(status: 304)
        }
        var entity = project(store.entity(row), select, request)
        entity["@odata.context"] = .string(metadata + "#\(type.setName)\(select.map { "(" + $0.joined(separator: ",") + ")" } ?? "")/$entity")
        return .json(200, .object(entity), headers: HTTPHeaderFields([("ETag", store.etag(row))]))
    }

    // MARK: Writes

    /// POST creates; the primary key in the body (`accountid`) is the new record's id.
    private func create(_ request: HTTPServerRequest) throws(ODataServiceError) -> HTTPServerResponse {
        let body = try Self.object(request.body)
        let id = body[type.idAttribute]?.stringValue?.lowercased() ?? UUID().uuidString.lowercased()
        guard UUID(uuidString: id) != nil else { throw DataverseEmulator.badRequest("The \(type.idAttribute) '\(id)' is not a GUID.") }
        guard store.row(id: id) == nil else {
            // Unverified: the status; the message is the one limits-and-reliability.md §3.4 quotes.
            throw ODataServiceError(status: 400, code: "0x80040237", message: "Cannot insert duplicate key.")
        }
        return written(request, try store.create(id: id, body), created: true)
    }

    /// PATCH updates, or creates the record with this id (upsert); `If-None-Match: *` forbids the
    /// update, `If-Match` the create and any update of another version.
    private func patch(_ request: HTTPServerRequest, id: String) throws(ODataServiceError) -> HTTPServerResponse {
        let body = try Self.object(request.body)
        let existing = store.row(id: id)
        if request.headers["If-None-Match"]?.trimmingCharacters(in: .whitespaces) == "*", existing != nil {
            throw ODataServiceError(status: 412, code: "0x80040237", message: "A record with matching key values already exists.")
        }
        if let ifMatch = request.headers["If-Match"] {
            // Documented for `If-Match: *`; Unverified: a specific ETag on a missing record answers 404 too.
            guard let existing else { throw store.notFound(id) }
            try check(ifMatch, against: existing)
        }
        if existing != nil { return written(request, try store.update(id: id, body), created: false) }
        return written(request, try store.create(id: id, body), created: true)
    }

    private func delete(_ request: HTTPServerRequest, id: String) throws(ODataServiceError) -> HTTPServerResponse {
        guard let existing = store.row(id: id) else { throw store.notFound(id) }
        if let ifMatch = request.headers["If-Match"] { try check(ifMatch, against: existing) }
        try store.delete(id: id)
        return HTTPServerResponse(status: 204)
    }

    private func check(_ ifMatch: String, against row: DataverseEntityStore.Row) throws(ODataServiceError) {
        let tags = ifMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard tags.contains("*") || tags.contains(store.etag(row)) else {
            // Documented message (perform-conditional-operations-using-web-api.md). Unverified: the code.
            throw ODataServiceError(status: 412, code: "0x80060882",
                                    message: "The version of the existing record doesn't match the RowVersion property provided.")
        }
    }

    /// 204 with `OData-EntityId`, or with `Prefer: return=representation` 201/200 and the record.
    private func written(_ request: HTTPServerRequest, _ row: DataverseEntityStore.Row, created: Bool) -> HTTPServerResponse {
        let id = row.fields[type.idAttribute]?.stringValue ?? ""
        var headers = HTTPHeaderFields([("OData-EntityId", emulator.baseURL.absoluteString + "/\(type.setName)(\(id))")])
        guard request.headers.tokens("Prefer").contains(where: { $0.lowercased() == "return=representation" }) else {
            return HTTPServerResponse(status: 204, headers: headers)
        }
        let select = try? selection(request)
        var entity = project(store.entity(row), select ?? nil, request)
        entity["@odata.context"] = .string(metadata + "#\(type.setName)/$entity")
        headers["ETag"] = store.etag(row)
        headers["Preference-Applied"] = "return=representation"
        return .json(created ? 201 : 200, .object(entity), headers: headers)
    }

    // MARK: Query options

    private func selection(_ request: HTTPServerRequest) throws(ODataServiceError) -> [String]? {
        guard let text = request.query("$select") else { return nil }
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for name in names where !type.properties.contains(name) {
            // Unverified: code; the message is the OData library's.
            throw DataverseEmulator.badRequest("Could not find a property named '\(name)' on type 'Microsoft.Dynamics.CRM.\(type.logicalName)'.")
        }
        return names
    }

    private func parsedFilter(_ request: HTTPServerRequest) throws(ODataServiceError) -> ODataFilter? {
        guard let text = request.query("$filter") else { return nil }
        do {
            let parsed = try ODataFilter(text)
            for property in parsed.properties where !type.properties.contains(property) {
                throw ODataFilterError(message: "Could not find a property named '\(property)' on type 'Microsoft.Dynamics.CRM.\(type.logicalName)'.")
            }
            return parsed
        } catch let error as ODataFilterError {
            throw DataverseEmulator.badRequest(error.message)
        } catch {
            throw DataverseEmulator.badRequest("Invalid $filter.")
        }
    }

    /// The selected attributes plus `@odata.etag` (the primary key always comes, as in Dataverse); a
    /// lookup's logical-name annotation only when `Prefer: odata.include-annotations` asks for it.
    private func project(_ entity: [String: JSONValue], _ select: [String]?, _ request: HTTPServerRequest) -> [String: JSONValue] {
        let annotated = Self.includesLookupNames(request)
        var result: [String: JSONValue]
        if let select {
            result = ["@odata.etag": entity["@odata.etag"] ?? .null, type.idAttribute: entity[type.idAttribute] ?? .null]
            for name in select { result[name] = entity[name] ?? .null }
            for lookup in type.lookups where select.contains(lookup.valueProperty) {
                let annotation = lookup.valueProperty + "@Microsoft.Dynamics.CRM.lookuplogicalname"
                result[annotation] = entity[annotation]
            }
        } else {
            result = entity
        }
        if !annotated { result = result.filter { !$0.key.contains("@Microsoft.Dynamics.CRM.") } }
        return result
    }

    /// Whether `Prefer: odata.include-annotations="…"` asks for `Microsoft.Dynamics.CRM.lookuplogicalname`:
    /// by name, by `*`, or by `Microsoft.Dynamics.CRM.*`, and not excluded with a leading `-` (OData
    /// 4.01 §8.2.8.4 include-annotations).
    static func includesLookupNames(_ request: HTTPServerRequest) -> Bool {
        let name = "microsoft.dynamics.crm.lookuplogicalname"
        let terms = request.headers.tokens("Prefer").compactMap { token -> [String]? in
            let preference = token.lowercased()
            guard preference.hasPrefix("odata.include-annotations=") else { return nil }
            return preference.dropFirst("odata.include-annotations=".count).replacingOccurrences(of: "\"", with: "")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }.flatMap { $0 }
        func matches(_ term: Substring) -> Bool {
            term == "*" || term == Substring(name) || (term.hasSuffix(".*") && name.hasPrefix(term.dropLast()))
        }
        let excluded = terms.contains { $0.hasPrefix("-") && matches($0.dropFirst()) }
        return !excluded && terms.contains { !$0.hasPrefix("-") && matches(Substring($0)) }
    }

    // MARK: Links and tokens

    private func link(_ request: HTTPServerRequest, name: String, token: String) -> String {
        PagingLink.make(base: emulator.authorityURL.absoluteString, path: setPath, items: request.queryItems, name: name, token: token)
    }

    /// The paging cookie's shape from page-results.md: `<cookie pagenumber="2" pagingcookie="…" istracking="False" />`,
    /// with the emulator's own state as the inner cookie.
    private func cookie(_ position: Position, page: Int, tracking: Bool) -> String {
        let state: String
        switch position {
        case .full(let after, let from): state = "full:\(after):\(from.map(String.init) ?? "")"
        case .delta(let since, let until, let deletions, let after): state = "delta:\(since):\(until):\(deletions ? "d" : "r"):\(after)"
        }
        return "<cookie pagenumber=\"\(page)\" pagingcookie=\"\(PagingLink.opaque(state))\" istracking=\"\(tracking ? "True" : "False")\" />"
    }

    private func pageNumber(_ request: HTTPServerRequest) -> Int {
        guard let token = request.query("$skiptoken"), let number = Self.attribute("pagenumber", in: token).flatMap({ Int($0) })
        else { return 1 }
        return number
    }

    private static func cookieState(_ token: String) -> String? {
        attribute("pagingcookie", in: token).flatMap { PagingLink.state($0) }
    }

    private static func attribute(_ name: String, in cookie: String) -> String? {
        guard let start = cookie.range(of: name + "=\"") else { return nil }
        let rest = cookie[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The documented shape `919042!08/22/2017 08:10:44`: the version, then the time it was issued.
    static func deltaToken(_ version: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MM/dd/yyyy HH:mm:ss"
        return "\(version)!\(formatter.string(from: Date()))"
    }

    static func object(_ body: Data) throws(ODataServiceError) -> [String: JSONValue] {
        guard let object = JSONValue.parse(body)?.objectValue else {
            throw DataverseEmulator.badRequest("The request body is not a JSON object.")
        }
        return object
    }
}
