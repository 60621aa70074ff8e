import Foundation

/// Sends a service's requests with its credential and the patience the services ask for:
/// 429 (and Business Central's 502/503/504) wait as `Retry-After` says and never fail a record;
/// other 5xx answers and lost responses retry with exponential backoff; a 401 renews the token once,
/// inside the loop. Counts requests and seconds waited, and keeps Dataverse's `x-ms-dop-hint`.
public final class ServiceClient: @unchecked Sendable {
    public let service: String
    private let transport: any HTTPTransport
    private let authorizer: any Authorizer
    private let sleeper: any Sleeper
    /// At most this many seconds of throttling waits for one request before giving up.
    private let patience: Double
    /// Attempts for a request that failed without a throttling answer (5xx, lost response).
    private let attempts: Int
    private let lock = NSLock()
    private var requestCount = 0
    private var waited = 0.0
    private var dopHint: Int?
    /// Hears of every wait (for progress that shows waiting honestly).
    private let waits: ServiceWaits?

    public init(service: String, transport: any HTTPTransport, authorizer: any Authorizer,
                sleeper: any Sleeper = ThreadSleeper(), waits: ServiceWaits? = nil, patience: Double = 1_800, attempts: Int = 5) {
        self.service = service
        self.waits = waits
        self.transport = transport
        self.authorizer = authorizer
        self.sleeper = sleeper
        self.patience = patience
        self.attempts = attempts
    }

    /// Requests sent and seconds spent waiting so far.
    public var statistics: (requests: Int, secondsWaited: Double, degreeOfParallelism: Int?) {
        lock.lock()
        defer { lock.unlock() }
        return (requestCount, waited, dopHint)
    }

    /// Sends `request` until it gets an answer that is not a throttling or passing failure, and
    /// returns that answer (whatever its status). Throws when the service stays unreachable or
    /// failing, or refuses the credential even when renewed.
    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        var renewed = false
        var failures = 0
        var throttled = 0.0
        var renew = false
        while true {
            var signed = request
            signed.headers["Authorization"] = try authorizer.authorization(renew: renew)
            renew = false
            count()
            let response: HTTPResponse
            do {
                response = try transport.send(signed)
            } catch let error as TransportError {
                failures += 1
                guard failures < attempts else {
                    throw ConnectorError.unreachable(service: service, url: request.url.absoluteString, reason: Self.reason(error))
                }
                wait(backoff(failures), because: .noResponse)
                continue
            }
            if let hint = response.headers["x-ms-dop-hint"].flatMap(Int.init) { remember(hint) }
            switch response.status {
            case 401 where !renewed:
                renewed = true
                renew = true
            case 401, 403:
                throw ConnectorError.unauthorized(service: service, message: Self.message(of: response))
            case 429, 502, 503, 504:
                let seconds = response.headers["retry-after"].flatMap(Double.init) ?? backoff(failures + 1)
                if response.status != 429 && response.headers["retry-after"] == nil { failures += 1 }
                throttled += seconds
                guard throttled <= patience, failures < attempts else {
                    throw ConnectorError.serviceFailed(service: service, status: response.status, message: Self.message(of: response))
                }
                wait(seconds, because: response.status == 429 ? .throttled : .busy)
            case 500...599:
                failures += 1
                guard failures < attempts else {
                    throw ConnectorError.serviceFailed(service: service, status: response.status, message: Self.message(of: response))
                }
                wait(backoff(failures), because: .serverError(response.status))
            default:
                return response
            }
        }
    }

    /// Seconds to wait after this many failures in a row: 0.5, 1, 2, … up to a minute.
    func backoff(_ failures: Int) -> Double { min(60, 0.5 * pow(2, Double(max(0, failures - 1)))) }

    /// Waits (counted in the statistics and told to `waits`): also for throttled operations inside a batch.
    func wait(_ seconds: Double, because reason: WaitReason) {
        lock.lock()
        waited += seconds
        lock.unlock()
        waits?.record(ServiceWait(service: service, seconds: seconds, reason: reason))
        sleeper.sleep(seconds: seconds)
    }

    private func count() {
        lock.lock()
        requestCount += 1
        lock.unlock()
    }

    private func remember(_ hint: Int) {
        lock.lock()
        dopHint = hint
        lock.unlock()
    }

    private static func reason(_ error: TransportError) -> String {
        switch error {
        case .timedOut: "timed out"
        case .connectionFailed(_, let reason): reason
        }
    }

    /// The service's own error message (`{"error":{"code","message"}}` in both APIs, or the token
    /// endpoint's `error_description`), else the status.
    static func message(of response: HTTPResponse) -> String {
        let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        if let error = json?["error"] as? [String: Any] {
            let code = error["code"] as? String
            let message = error["message"] as? String ?? ""
            return [code, message].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        }
        if let description = json?["error_description"] as? String { return description }
        return "HTTP \(response.status)"
    }

    /// The service's error code (`Request_EntityChanged`, `Internal_EntityWithSameKeyExists`, …).
    static func errorCode(of response: HTTPResponse) -> String? {
        let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        return (json?["error"] as? [String: Any])?["code"] as? String
    }
}
