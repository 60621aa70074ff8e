import Foundation

/// An emulator of the Dataverse Web API v9.2 over real HTTP on 127.0.0.1: one organization with its
/// `accounts` (owned by a `systemuser`), `contacts` (their company a `parentcustomerid_account`
/// lookup), `systemusers` (read only; the application user Tandem calls as is one) and
/// `transactioncurrencies`, server paging, change tracking with delta links and expiring
/// tokens, conditional writes, multipart `$batch` with change sets, OAuth client credentials, the three
/// service-protection limits (requests, execution time, concurrent requests), `x-ms-dop-hint`, and test
/// hooks to seed, edit as another user and inject faults. Behaviour follows interop.md §2 and limits-and-reliability.md §1.1 and §1.4; choices
/// the documents do not settle are marked "Unverified" where they are made.
public final class DataverseEmulator: @unchecked Sendable {
    /// The largest page the service returns (`Prefer: odata.maxpagesize` cannot raise it).
    public static let maxPageSize = 5_000
    /// The most requests one `$batch` may hold, change-set operations included.
    public static let maxBatchOperations = 1_000

    public let tenant: String
    /// The degree of parallelism every response recommends in `x-ms-dop-hint`.
    public let degreeOfParallelismHint: Int
    private let requestLimit: Int
    private let requestWindow: TimeInterval
    /// Simulated server time each operation takes (a request outside a batch is one operation).
    private let secondsPerOperation: TimeInterval
    private let executionTime: ExecutionTimeLimiter
    private let concurrency: ConcurrentRequestLimiter
    private let lock = NSRecursiveLock()
    /// Operations routed so far (each of a batch's, and every request outside one).
    private var operationsRouted = 0
    /// The organization's currencies; the first is the base currency.
    let currencies: [DataverseEntityStore.Currency]
    let accountStore: DataverseEntityStore
    let contactStore: DataverseEntityStore
    let userStore: DataverseEntityStore
    /// The application user every client of the emulator calls as (Dataverse maps a client-credentials
    /// app to one): it owns what is created without an owner.
    public let applicationUserID = "00000000-0000-4000-8000-00000000a001"
    /// Delta tokens for versions below this one have expired.
    private(set) var oldestDeltaVersion: Int64 = 0
    private var server: LoopbackHTTPServer?
    private var frontDoor: EmulatorFrontDoor!

    /// - Parameters:
    ///   - currencies: the organization's currencies (ISO code, name); the first is the base currency.
    ///   - tokenLifetime: seconds an issued access token lasts.
    ///   - requestLimit/requestWindow: the per-user sliding window (6,000 per 300 s on the service).
    ///   - executionTimeLimit: the execution seconds one user may spend in the same window (1,200).
    ///   - secondsPerOperation: how long the emulated server works on each operation. The service
    ///     documents no such figure (it depends on the table, plug-ins and load); 0, the default, makes
    ///     every request instant and the execution-time limit unreachable.
    ///   - concurrentRequestLimit: a user's requests handled at once (52).
    public init(tenant: String = "tandem-tenant", clientID: String = "tandem-client", clientSecret: String = "tandem-secret",
                currencies: [(code: String, name: String)] = [("EUR", "Euro"), ("USD", "US Dollar"), ("GBP", "Pound Sterling"),
                                                              ("DKK", "Danish Krone")],
                tokenLifetime: TimeInterval = 3599, requestLimit: Int = 6_000, requestWindow: TimeInterval = 300,
                executionTimeLimit: TimeInterval = 1_200, secondsPerOperation: TimeInterval = 0,
                concurrentRequestLimit: Int = 52, degreeOfParallelismHint: Int = 4) {
        self.tenant = tenant
        self.requestLimit = requestLimit
        self.requestWindow = requestWindow
        self.secondsPerOperation = secondsPerOperation
        executionTime = ExecutionTimeLimiter(limit: executionTimeLimit, window: requestWindow)
        concurrency = ConcurrentRequestLimiter(limit: concurrentRequestLimit)
        self.degreeOfParallelismHint = degreeOfParallelismHint
        let currencies = currencies.map { (id: UUID().uuidString.lowercased(), code: $0.code.uppercased(), name: $0.name) }
        self.currencies = currencies
        let versions = DataverseRowVersions()
        let accounts = DataverseEntityStore(type: .account, currencies: currencies, versions: versions)
        let contacts = DataverseEntityStore(type: .contact, currencies: currencies, versions: versions)
        let users = DataverseEntityStore(type: .systemUser, currencies: currencies, versions: versions)
        let exists: (String, String) -> Bool = { [unowned accounts, unowned contacts, unowned users] set, id in
            switch set {
            case "transactioncurrencies": currencies.contains { $0.id == id }
            case "accounts": accounts.row(id: id) != nil
            case "contacts": contacts.row(id: id) != nil
            case "systemusers": users.row(id: id) != nil
            default: false
            }
        }
        accounts.targetExists = exists
        contacts.targetExists = exists
        // Unverified: the application user's names; an application user has no e-mail address.
        _ = try? users.create(id: applicationUserID, ["firstname": .string("#"), "lastname": .string("Tandem")])
        accounts.callingUser = applicationUserID
        accountStore = accounts
        contactStore = contacts
        userStore = users
        let tokens = OAuthTokenService(tenant: tenant, clientID: clientID, clientSecret: clientSecret, lifetime: tokenLifetime)
        let limiter = RequestRateLimiter(limit: requestLimit, window: requestWindow)
        frontDoor = EmulatorFrontDoor(
            tokens: tokens, limiter: limiter,
            // A request still being handled when its emulator is gone (a test that stopped waiting) gets 503.
            authenticate: { [weak self] in self?.authenticate($0) ?? .refuse(HTTPServerResponse(status: 503)) },
            throttled: { retryAfter in
                // The documented service-protection error for the request count (api-limits.md).
                ODataServiceError(status: 429, code: "0x80072322",
                                  message: "Number of requests exceeded the limit of \(requestLimit) over time window of \(Int(requestWindow)) seconds.",
                                  headers: ["Retry-After": String(retryAfter)]).response
            },
            faultResponse: { status, retryAfter in
                var headers: [String: String] = [:]
                if let retryAfter { headers["Retry-After"] = String(retryAfter) }
                let code = status == 429 ? "0x80072322" : "0x80040216"
                return ODataServiceError(status: status, code: code, message: "Injected fault: status \(status).", headers: headers).response
            },
            decorate: { response in
                response.headers["OData-Version"] = "4.0"
                response.headers["x-ms-dop-hint"] = String(degreeOfParallelismHint)
            },
            route: { [weak self] request, user in self?.serve(request, user: user) ?? HTTPServerResponse(status: 503) })
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

    public var port: UInt16 { lock.withLock { server?.port ?? 0 } }

    /// `http://127.0.0.1:PORT`: the organization URL, and the authority (`TANDEM_AUTHORITY_URL`).
    public var authorityURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// `http://127.0.0.1:PORT/api/data/v9.2`.
    public var baseURL: URL { URL(string: authorityURL.absoluteString + Self.apiRoot)! }

    static let apiRoot = "/api/data/v9.2"

    // MARK: Test hooks

    /// Makes `token` a valid bearer token (for `user`) without a token request.
    public func acceptToken(_ token: String, user: String = "accepted-user") { frontDoor.tokens.accept(token, user: user) }

    /// Every token issued or accepted so far stops working now.
    public func expireAllTokens() { frontDoor.tokens.expireAll() }

    /// Arms `fault` for the next `times` requests with this method (nil: any) whose decoded path
    /// contains `pathContains` (a `$batch` is one request: its path is `…/$batch`).
    public func injectFault(_ fault: EmulatorFault, method: String?, pathContains: String, times: Int = 1) {
        frontDoor.faults.inject(fault, method: method, pathContains: pathContains, times: times)
    }

    /// The next `count` requests get 429 with `Retry-After: retryAfter`.
    public func throttleNext(_ count: Int, retryAfter: Int = 1) { frontDoor.faults.throttleNext(count, retryAfter: retryAfter) }

    public func clearFaults() { frontDoor.faults.clear() }

    /// Execution seconds the service-protection limit has counted so far (simulated server time and
    /// the emulator's own handling), every user together.
    public var executionSecondsCharged: TimeInterval { executionTime.totalCharged }

    /// The most requests that were being handled at once, so far (a client following `x-ms-dop-hint`
    /// sends up to that many).
    public var mostConcurrentRequests: Int { frontDoor.mostConcurrentRequests }

    /// From the first request to the last answer so far: the seconds, the mean number of requests
    /// being handled, and the seconds in which none was.
    public var requestsInFlight: (seconds: Double, meanInFlight: Double, secondsIdle: Double) { frontDoor.inFlight.summary }

    /// The requests so far (method, decoded path, query, status; nil status = dropped).
    public var requestLog: [RequestLogEntry] { frontDoor.log.all }

    public func clearRequestLog() { frontDoor.log.clear() }

    /// Every delta token issued so far expires: following its link answers 410, as the service does once
    /// change tracking data is older than the organization's `ExpireChangeTrackingInDays`.
    public func expireDeltaTokens() { lock.withLock { oldestDeltaVersion = accountStore.advanceVersion() } }

    /// Inserts `count` generated accounts.
    public func seedAccounts(count: Int) { lock.withLock { accountStore.seed(count: count) } }

    /// Creates an account as another user would, with Web API attribute names (and
    /// `transactioncurrencyid@odata.bind`); returns it as the API does.
    @discardableResult
    public func insertAccount(id: String = UUID().uuidString.lowercased(), _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try insert(into: accountStore, id: id, fields)
    }

    /// Every account as the API returns it, in creation order.
    public func accounts() -> [[String: JSONValue]] { all(of: accountStore) }

    /// One account as the API returns it.
    public func account(id: String) -> [String: JSONValue]? { one(of: accountStore, id: id) }

    /// Changes an account as another user: a new version, ETag and `modifiedon`.
    @discardableResult
    public func editAccount(id: String, _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try edit(in: accountStore, id: id, fields)
    }

    /// Deletes an account as another user.
    public func deleteAccount(id: String) throws { try lock.withLock { try accountStore.delete(id: id) } }

    /// How many accounts have `attribute` equal to `value`, as the API shows them.
    public func countAccounts(where attribute: String, equals value: JSONValue) -> Int {
        lock.withLock { accountStore.ordered.filter { accountStore.entity($0)[attribute] == value }.count }
    }

    /// Creates a contact as another user would (its company bound with `parentcustomerid_account@odata.bind`).
    @discardableResult
    public func insertContact(id: String = UUID().uuidString.lowercased(), _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try insert(into: contactStore, id: id, fields)
    }

    /// Every contact as the API returns it (annotations included), in creation order.
    public func contacts() -> [[String: JSONValue]] { all(of: contactStore) }

    /// One contact as the API returns it.
    public func contact(id: String) -> [String: JSONValue]? { one(of: contactStore, id: id) }

    /// Changes a contact as another user.
    @discardableResult
    public func editContact(id: String, _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try edit(in: contactStore, id: id, fields)
    }

    /// Adds a user, as Microsoft Entra ID's synchronization does (the Web API only reads them).
    @discardableResult
    public func insertUser(id: String = UUID().uuidString.lowercased(), _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try insert(into: userStore, id: id, fields)
    }

    /// Changes a user, as an administrator in Microsoft Entra ID would.
    @discardableResult
    public func editUser(id: String, _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try edit(in: userStore, id: id, fields)
    }

    /// The id of the currency with this ISO code.
    public func currencyID(code: String) -> String? { accountStore.currencyID(code: code) }

    private func insert(into store: DataverseEntityStore, id: String, _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try lock.withLock { store.entity(try store.create(id: id, fields)) }
    }

    private func all(of store: DataverseEntityStore) -> [[String: JSONValue]] { lock.withLock { store.ordered.map { store.entity($0) } } }

    private func one(of store: DataverseEntityStore, id: String) -> [String: JSONValue]? {
        lock.withLock { store.row(id: id).map { store.entity($0) } }
    }

    private func edit(in store: DataverseEntityStore, id: String, _ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        try lock.withLock { store.entity(try store.update(id: id, fields)) }
    }

    /// Every table's store, for change sets that span them.
    var stores: [DataverseEntityStore] { [accountStore, contactStore, userStore] }

    // MARK: Authentication

    private func authenticate(_ request: HTTPServerRequest) -> EmulatorFrontDoor.Admission {
        if let token = EmulatorFrontDoor.bearer(request), let user = frontDoor.tokens.user(forBearer: token) {
            return .user(user)
        }
        // Unverified: the body; Dataverse is seen answering a missing or expired token with 401, an empty
        // body and this challenge.
        var response = HTTPServerResponse(status: 401)
        response.headers["WWW-Authenticate"] =
            "Bearer authorization_uri=\(authorityURL.absoluteString)/\(tenant)/oauth2/authorize, resource_id=\(authorityURL.absoluteString)/"
        return .refuse(response)
    }

    // MARK: Routing

    /// Answers a request that passed the authentication and the request limit: refused while the user's
    /// execution time or concurrent requests are over their limits, else routed, then held for the
    /// simulated server time of its operations (outside the lock, as the service works on requests in
    /// parallel), which is charged to the user's execution time.
    private func serve(_ request: HTTPServerRequest, user: String) -> HTTPServerResponse {
        if let retryAfter = executionTime.admit(user) {
            // The documented error for the execution time (api-limits.md).
            return ODataServiceError(status: 429, code: "0x80072321",
                                     message: "Combined execution time of incoming requests exceeded limit of \(Int(executionTime.limit * 1_000)) milliseconds over time window of \(Int(requestWindow)) seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.",
                                     headers: ["Retry-After": String(retryAfter)]).response
        }
        guard concurrency.enter(user) else {
            // The documented error for concurrent requests; unverified: its Retry-After.
            return ODataServiceError(status: 429, code: "0x80072326",
                                     message: "Number of concurrent requests exceeded the limit of \(concurrency.limit).",
                                     headers: ["Retry-After": "1"]).response
        }
        defer { concurrency.leave(user) }
        let parsingStarted = Date()
        let batch = request.method == "POST" && request.path == Self.apiRoot + "/$batch"
            ? DataverseBatchProcessor(emulator: self).parse(request) : nil
        let parsing = Date().timeIntervalSince(parsingStarted)
        let (response, operations, running) = lock.withLock {
            let started = Date(), before = operationsRouted
            let response = batch.map { DataverseBatchProcessor(emulator: self).run($0) } ?? route(request)
            return (response, max(1, operationsRouted - before), Date().timeIntervalSince(started))
        }
        let routed = parsing + running
        let simulated = Double(operations) * secondsPerOperation
        if simulated > 0 { Thread.sleep(forTimeInterval: simulated) }
        executionTime.charge(user, seconds: routed + simulated)
        return response
    }

    /// Answers one request that passed the front door (or one operation of a `$batch`). A `POST` of a
    /// batch itself is parsed and run by `serve`; here `$batch` can only be an operation inside one.
    func route(_ request: HTTPServerRequest) -> HTTPServerResponse {
        guard request.path.hasPrefix(Self.apiRoot + "/") else { return Self.resourceNotFound(request.path).response }
        let relative = String(request.path.dropFirst(Self.apiRoot.count + 1))
        if relative != "$batch" { operationsRouted += 1 }
        do throws(ODataServiceError) {
            if relative == "$batch" {
                guard request.method == "POST" else { throw Self.methodNotAllowed(request.method) }
                // Unverified: the message for a batch inside a batch, which the service does not allow.
                throw Self.badRequest("A batch request cannot contain another batch request.")
            }
            let (set, key) = try Self.segment(relative)
            switch set {
            case "accounts": return try DataverseEntityRoutes(emulator: self, store: accountStore).handle(request, key: key)
            case "contacts": return try DataverseEntityRoutes(emulator: self, store: contactStore).handle(request, key: key)
            case "systemusers": return try DataverseEntityRoutes(emulator: self, store: userStore).handle(request, key: key)
            case "transactioncurrencies":
                guard request.method == "GET", key == nil else { throw Self.methodNotAllowed(request.method) }
                return currencies(request)
            default: throw Self.resourceNotFound(relative)
            }
        } catch {
            return error.response
        }
    }

    /// "accounts(<guid>)" → ("accounts", guid); "accounts" → ("accounts", nil).
    static func segment(_ path: String) throws(ODataServiceError) -> (String, String?) {
        guard !path.contains("/") else { throw resourceNotFound(path) }
        guard let open = path.firstIndex(of: "(") else { return (path, nil) }
        guard path.hasSuffix(")") else { throw resourceNotFound(path) }
        let key = String(path[path.index(after: open)..<path.index(before: path.endIndex)])
        guard UUID(uuidString: key) != nil else {
            // Unverified: the message for a key that is not a GUID (alternate keys are not emulated).
            throw ODataServiceError(status: 400, code: "0x80060888", message: "Unrecognized 'Edm.Guid' literal '\(key)' in the key.")
        }
        return (String(path[..<open]), key.lowercased())
    }

    private func currencies(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let names = request.query("$select")?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let rows: [JSONValue] = currencies.enumerated().map { index, currency in
            var row: [String: JSONValue] = [
                "transactioncurrencyid": .string(currency.id), "isocurrencycode": .string(currency.code),
                "currencyname": .string(currency.name), "@odata.etag": .string("W/\"\(400_001 + index)\""),
            ]
            if let names { row = row.filter { $0.key.hasPrefix("@") || names.contains($0.key) } }
            return .object(row)
        }
        let selected = names.map { "(" + $0.joined(separator: ",") + ")" } ?? ""
        return .json(200, .object(["@odata.context": .string(baseURL.absoluteString + "/$metadata#transactioncurrencies\(selected)"),
                                   "value": .array(rows)]))
    }

    static func resourceNotFound(_ path: String) -> ODataServiceError {
        // Unverified: code and message for a path that names no entity set.
        ODataServiceError(status: 404, code: "0x80060888", message: "Resource not found for the segment '\(path)'.")
    }

    static func methodNotAllowed(_ method: String) -> ODataServiceError {
        // Unverified: code and message.
        ODataServiceError(status: 405, code: "0x80060888", message: "The HTTP method '\(method)' is not allowed on this resource.")
    }

    static func badRequest(_ message: String) -> ODataServiceError {
        ODataServiceError(status: 400, code: "0x80060888", message: message)
    }
}
