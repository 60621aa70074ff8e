import Foundation

/// An emulator of Business Central API v2.0 over real HTTP on 127.0.0.1: one company with its
/// `companyInformation`, `customers` and `salespeoplePurchasers`, JSON `$batch`, OAuth client
/// credentials and Basic auth, the per-user request limit, and test hooks to seed, edit as another
/// user, and inject faults.
/// Behaviour follows interop.md §1 and limits-and-reliability.md §1.5; choices the documents do not
/// settle are marked "Unverified" where they are made.
public final class BusinessCentralEmulator: @unchecked Sendable {
    /// The largest page the service returns (20,000 online; it cannot be raised).
    public static let maxPageSize = 20_000
    /// The most operations one `$batch` may hold.
    public static let maxBatchOperations = 100

    public let tenant: String
    public let environment: String
    /// The id of the one company.
    public let companyID: String
    public let companyName: String
    public let localCurrencyCode: String
    private let basicUser: String
    private let basicKey: String
    private let lock = NSRecursiveLock()
    let store: BusinessCentralEntityStore
    let salespersonStore: BusinessCentralEntityStore
    private var server: LoopbackHTTPServer?
    private var frontDoor: EmulatorFrontDoor!
    private let companyCreated: Int64
    /// Whether the API has `salespeoplePurchasers`, which came with a recent version; false stands for
    /// an older service. Unverified: the code and message an older service answers for the set (the
    /// emulator answers its usual 404).
    private let offersSalespeople: Bool

    /// - Parameters:
    ///   - tokenLifetime: seconds an issued access token lasts (tests use a few seconds).
    ///   - requestLimit/requestWindow: the per-user sliding window (6,000 per 300 s on the service).
    ///   - basicUser/basicKey: the user name and web-service access key Basic auth accepts.
    public init(tenant: String = "tandem-tenant", environment: String = "production",
                companyName: String = "CRONUS International Ltd.", localCurrencyCode: String = "EUR",
                clientID: String = "tandem-client", clientSecret: String = "tandem-secret",
                tokenLifetime: TimeInterval = 3599, basicUser: String = "ADMIN", basicKey: String = "web-service-key",
                requestLimit: Int = 6_000, requestWindow: TimeInterval = 300, offersSalespeople: Bool = true) {
        self.tenant = tenant
        self.offersSalespeople = offersSalespeople
        self.environment = environment
        self.companyName = companyName
        self.localCurrencyCode = localCurrencyCode.uppercased()
        self.basicUser = basicUser
        self.basicKey = basicKey
        companyID = UUID().uuidString.lowercased()
        companyCreated = ODataTimestamp.milliseconds(of: Date())
        store = BusinessCentralEntityStore(type: .customer, localCurrency: localCurrencyCode.uppercased())
        salespersonStore = BusinessCentralEntityStore(type: .salesperson, localCurrency: localCurrencyCode.uppercased())
        let tokens = OAuthTokenService(tenant: tenant, clientID: clientID, clientSecret: clientSecret, lifetime: tokenLifetime)
        let limiter = RequestRateLimiter(limit: requestLimit, window: requestWindow)
        frontDoor = EmulatorFrontDoor(
            tokens: tokens, limiter: limiter,
            // A request still being handled when its emulator is gone (a test that stopped waiting) gets 503.
            authenticate: { [weak self] in self?.authenticate($0) ?? .refuse(HTTPServerResponse(status: 503)) },
            throttled: { retryAfter in
                // BC documents 429 for the rate limit; Unverified: its body and whether it carries Retry-After
                // (documented only for 502/503, interop.md §1.8). The emulator sends one.
                ODataServiceError(status: 429, code: "Application_TooManyRequests",
                                  message: "Too many requests reached.  Actual (\(requestLimit + 1)).  Maximum (\(requestLimit)).",
                                  headers: ["Retry-After": String(retryAfter)]).response
            },
            faultResponse: { status, retryAfter in
                var headers: [String: String] = [:]
                if let retryAfter { headers["Retry-After"] = String(retryAfter) }
                let code = status == 429 ? "Application_TooManyRequests" : "InjectedFault"
                return ODataServiceError(status: status, code: code, message: "Injected fault: status \(status).", headers: headers).response
            },
            decorate: { _ in },
            route: { [weak self] request, _ in self.map { emulator in emulator.lock.withLock { emulator.route(request) } } ?? HTTPServerResponse(status: 503) })
    }

    // MARK: Lifecycle and URLs

    /// Starts serving on a free loopback port.
    public func start() throws {
        let server = LoopbackHTTPServer { [frontDoor] in frontDoor!.handle($0) }
        try server.start()
        lock.withLock { self.server = server }
    }

    /// Stops serving and closes every connection.
    public func stop() {
        lock.withLock { server }?.stop()
    }

    /// The port, once started.
    public var port: UInt16 { lock.withLock { server?.port ?? 0 } }

    /// `http://127.0.0.1:PORT`: the authority (what the client gets as `TANDEM_AUTHORITY_URL`).
    public var authorityURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// `…/<tenant>/oauth2/v2.0/token`.
    public var tokenURL: URL { URL(string: authorityURL.absoluteString + frontDoor.tokens.tokenPath)! }

    /// `http://127.0.0.1:PORT/v2.0/<tenant>/<environment>/api/v2.0`.
    public var baseURL: URL { URL(string: authorityURL.absoluteString + apiRoot)! }

    /// The scope a client asks a token for.
    public static let scope = "https://api.businesscentral.dynamics.com/.default"

    var apiRoot: String { "/v2.0/\(tenant)/\(environment)/api/v2.0" }

    // MARK: Test hooks

    /// Makes `token` a valid bearer token (for `user`) without a token request.
    public func acceptToken(_ token: String, user: String = "accepted-user") { frontDoor.tokens.accept(token, user: user) }

    /// Every token issued or accepted so far stops working now.
    public func expireAllTokens() { frontDoor.tokens.expireAll() }

    /// Arms `fault` for the next `times` requests with this method (nil: any) whose decoded path
    /// contains `pathContains`.
    public func injectFault(_ fault: EmulatorFault, method: String?, pathContains: String, times: Int = 1) {
        frontDoor.faults.inject(fault, method: method, pathContains: pathContains, times: times)
    }

    /// The next `count` requests get 429 with `Retry-After: retryAfter`.
    public func throttleNext(_ count: Int, retryAfter: Int = 1) { frontDoor.faults.throttleNext(count, retryAfter: retryAfter) }

    /// Removes every armed fault.
    public func clearFaults() { frontDoor.faults.clear() }

    /// The requests so far (method, decoded path, query, status; nil status = dropped).
    public var requestLog: [RequestLogEntry] { frontDoor.log.all }

    public func clearRequestLog() { frontDoor.log.clear() }

    /// Inserts `count` generated customers (fast; 10,000 take well under a second).
    public func seedCustomers(count: Int) {
        let cities = ["Antwerpen", "Barcelona", "København", "Düsseldorf", "Lyon", "Porto", "Zürich", "Ñuñoa"]
        lock.withLock {
            let first = store.rows.count + 1
            for index in 0..<count {
                let body: [String: JSONValue] = [
                    "displayName": .string("Seed Customer \(first + index)"),
                    "city": .string(cities[index % cities.count]),
                    "addressLine1": .string("\(index + 1) Main Street"),
                    "email": .string("customer\(first + index)@example.com"),
                    "creditLimit": .number(Decimal(index % 50) * 1000),
                    "type": .string("Company"),
                ]
                _ = try? store.create(body)
            }
        }
    }

    /// Inserts one customer as another user would, with API property names; returns the stored entity.
    @discardableResult
    public func insertCustomer(_ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try lock.withLock { entityJSON(try store.create(fields), in: store) }
    }

    /// Every customer as the API returns it (with `@odata.etag`), in creation order.
    public func customers() -> [[String: JSONValue]] {
        lock.withLock { store.ordered.map { entityJSON($0, in: store) } }
    }

    /// One customer by id, as the API returns it.
    public func customer(id: String) -> [String: JSONValue]? {
        lock.withLock { store.row(id: id).map { entityJSON($0, in: store) } }
    }

    /// Changes a customer as another user: new ETag, new `lastModifiedDateTime`.
    @discardableResult
    public func editCustomer(id: String, _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try lock.withLock { entityJSON(try store.update(id: id, fields), in: store) }
    }

    /// Deletes a customer as another user.
    public func deleteCustomer(id: String) throws { try lock.withLock { try store.delete(id: id) } }

    /// Creates a salesperson as another user would (`code` is required), with API property names.
    @discardableResult
    public func insertSalesperson(_ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try lock.withLock { entityJSON(try salespersonStore.create(fields), in: salespersonStore) }
    }

    /// Every salesperson as the API returns it, in creation order.
    public func salespeople() -> [[String: JSONValue]] {
        lock.withLock { salespersonStore.ordered.map { entityJSON($0, in: salespersonStore) } }
    }

    /// Changes a salesperson as another user: a new ETag and `lastModifiedDateTime`.
    @discardableResult
    public func editSalesperson(id: String, _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try lock.withLock { entityJSON(try salespersonStore.update(id: id, fields), in: salespersonStore) }
    }

    /// How many customers have `field` (API name, API view) equal to `value`.
    public func countCustomers(where field: String, equals value: JSONValue) -> Int {
        lock.withLock { store.count(where: field, equals: value) }
    }

    // MARK: Authentication

    private func authenticate(_ request: HTTPServerRequest) -> EmulatorFrontDoor.Admission {
        if let token = EmulatorFrontDoor.bearer(request) {
            if let user = frontDoor.tokens.user(forBearer: token) { return .user(user) }
            return .refuse(unauthorized("The credentials provided are incorrect"))
        }
        if let value = request.headers["Authorization"], value.lowercased().hasPrefix("basic "),
           let decoded = Data(base64Encoded: String(value.dropFirst(6)).trimmingCharacters(in: .whitespaces))
            .flatMap({ String(data: $0, encoding: .utf8) }) {
            let parts = decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, String(parts[0]).caseInsensitiveCompare(basicUser) == .orderedSame, String(parts[1]) == basicKey {
                return .user(basicUser.uppercased())
            }
            return .refuse(unauthorized("The server has rejected the client credentials."))
        }
        return .refuse(unauthorized("The server has rejected the client credentials."))
    }

    private func unauthorized(_ message: String) -> HTTPServerResponse {
        // Unverified: the exact code and message for a missing versus an expired token.
        var response = ODataServiceError(status: 401, code: "Authentication_InvalidCredentials", message: message).response
        response.headers["WWW-Authenticate"] =
            "Bearer authorization_uri=\"\(authorityURL.absoluteString)/\(tenant)/oauth2/authorize\", Basic realm=\"\""
        return response
    }

    // MARK: Routing

    func route(_ request: HTTPServerRequest) -> HTTPServerResponse {
        guard request.path.hasPrefix(apiRoot + "/") else {
            return BusinessCentralEntityStore.notFound.response
        }
        let relative = String(request.path.dropFirst(apiRoot.count + 1))
        if relative == "$batch" {
            guard request.method == "POST" else { return methodNotAllowed() }
            return batch(request)
        }
        do {
            return try resource(request, segments: Self.segments(relative))
        } catch {
            return error.response
        }
    }

    /// "companies(x)/customers(y)" → [("companies","x"),("customers","y")].
    static func segments(_ path: String) -> [(name: String, key: String?)] {
        path.split(separator: "/").map { segment in
            guard let open = segment.firstIndex(of: "("), segment.hasSuffix(")") else { return (String(segment), nil) }
            var key = String(segment[segment.index(after: open)..<segment.index(before: segment.endIndex)])
            if key.hasPrefix("'") && key.hasSuffix("'") && key.count >= 2 { key = String(key.dropFirst().dropLast()) }
            return (String(segment[..<open]), key.lowercased())
        }
    }

    private func resource(_ request: HTTPServerRequest, segments: [(name: String, key: String?)]) throws(ODataServiceError) -> HTTPServerResponse {
        guard let first = segments.first, first.name == "companies" else { throw BusinessCentralEntityStore.notFound }
        if segments.count == 1 {
            guard request.method == "GET" else { return methodNotAllowed() }
            if let key = first.key {
                guard key == companyID else { throw BusinessCentralEntityStore.notFound }
                return .json(200, .object(companyJSON().merging(["@odata.context": .string(baseURL.absoluteString + "/$metadata#companies/$entity")]) { $1 }))
            }
            return .json(200, .object(["@odata.context": .string(baseURL.absoluteString + "/$metadata#companies"),
                                       "value": .array([.object(companyJSON())])]))
        }
        guard first.key == companyID else { throw BusinessCentralEntityStore.notFound }
        let second = segments[1]
        guard segments.count == 2 else { throw BusinessCentralEntityStore.notFound }
        switch second.name {
        case "companyInformation":
            guard request.method == "GET" else { return methodNotAllowed() }
            let context = baseURL.absoluteString + "/$metadata#companies(\(companyID))/companyInformation"
            if second.key != nil {
                guard second.key == companyID else { throw BusinessCentralEntityStore.notFound }
                return .json(200, .object(companyInformationJSON().merging(["@odata.context": .string(context + "/$entity")]) { $1 }))
            }
            return .json(200, .object(["@odata.context": .string(context), "value": .array([.object(companyInformationJSON())])]))
        case "customers":
            return try BusinessCentralEntityRoutes(emulator: self, store: store).handle(request, key: second.key)
        case "salespeoplePurchasers" where offersSalespeople:
            return try BusinessCentralEntityRoutes(emulator: self, store: salespersonStore).handle(request, key: second.key)
        default:
            throw BusinessCentralEntityStore.notFound
        }
    }

    func methodNotAllowed() -> HTTPServerResponse {
        ODataServiceError(status: 405, code: "BadRequest_MethodNotAllowed",
                          message: "The requested HTTP method is not supported on this resource.").response
    }

    /// A customer row as JSON with `@odata.etag`.
    func entityJSON(_ row: BusinessCentralEntityStore.Row, in store: BusinessCentralEntityStore) -> [String: JSONValue] {
        var view = store.entity(row)
        view["@odata.etag"] = .string(store.etag(row))
        return view
    }

    private func companyJSON() -> [String: JSONValue] {
        [
            "id": .string(companyID), "systemVersion": .string("24.0.16410.18056"), "timestamp": .number(1000),
            "name": .string(companyName), "displayName": .string(companyName), "businessProfileId": .string(""),
            "systemCreatedAt": .string(ODataTimestamp.milliseconds(companyCreated)), "systemCreatedBy": .string(Self.systemUser),
            "systemModifiedAt": .string(ODataTimestamp.milliseconds(companyCreated)), "systemModifiedBy": .string(Self.systemUser),
        ]
    }

    private func companyInformationJSON() -> [String: JSONValue] {
        [
            "@odata.etag": .string("W/\"JzE5OzEwMDAwMDAwMDAwMDAwMDAwMDE7MDA7Jw==\""),
            "id": .string(companyID), "displayName": .string(companyName), "addressLine1": .string("5 The Ring"),
            "addressLine2": .string(""), "city": .string("Westminster"), "state": .string(""), "country": .string("GB"),
            "postalCode": .string("W2 8HG"), "phoneNumber": .string("0666-666-6666"), "faxNumber": .string(""),
            "email": .string(""), "website": .string(""), "taxRegistrationNumber": .string(""),
            "currencyCode": .string(localCurrencyCode), "currentFiscalYearStartDate": .string("2024-01-01"),
            "industry": .string(""), "lastModifiedDateTime": .string(ODataTimestamp.milliseconds(companyCreated)),
        ]
    }

    private static let systemUser = "00000000-0000-0000-0000-000000000001"

    // MARK: $batch

    private func batch(_ request: HTTPServerRequest) -> HTTPServerResponse {
        guard let body = JSONValue.parse(request.body), let requests = body["requests"]?.arrayValue else {
            return ODataServiceError(status: 400, code: "BadRequest", message: "The batch request body is not a valid JSON batch.").response
        }
        guard requests.count <= Self.maxBatchOperations else {
            // Unverified: the message; the limit is from operational-limits-online.md.
            return ODataServiceError(status: 400, code: "BadRequest",
                                     message: "The number of operations in the batch request exceeds the maximum of \(Self.maxBatchOperations).").response
        }
        var responses: [JSONValue] = []
        for item in requests {
            let id = item["id"] ?? .null
            guard let method = item["method"]?.stringValue, let url = item["url"]?.stringValue else {
                responses.append(.object(["id": id, "status": .number(400), "headers": .object([:]),
                                          "body": ODataServiceError(status: 400, code: "BadRequest", message: "A batch request needs a method and a url.").body]))
                continue
            }
            var headers = HTTPHeaderFields()
            for (name, value) in item["headers"]?.objectValue ?? [:] { headers[name] = value.stringValue ?? "" }
            let innerBody = item["body"].map { Data($0.serialized().utf8) } ?? Data()
            var target = url
            if let absolute = URL(string: url), absolute.scheme != nil {
                target = absolute.path + (absolute.query.map { "?" + $0 } ?? "")
            } else if !url.hasPrefix("/") {
                target = apiRoot + "/" + url
            }
            let answer = route(HTTPServerRequest(method: method, target: target, headers: headers, body: innerBody))
            var answerHeaders: [String: JSONValue] = [:]
            for (name, value) in answer.headers.dictionary { answerHeaders[name.lowercased()] = .string(value) }
            var entry: [String: JSONValue] = ["id": id, "status": .number(Decimal(answer.status)), "headers": .object(answerHeaders)]
            if !answer.body.isEmpty, let parsed = JSONValue.parse(answer.body) { entry["body"] = parsed }
            responses.append(.object(entry))
        }
        return .json(200, .object(["responses": .array(responses)]))
    }
}
