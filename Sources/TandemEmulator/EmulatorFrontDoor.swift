import Foundation

/// What both emulators do before and after their own routing: faults, the token endpoint,
/// throttling bursts, authentication, the per-user rate limit, and the request log.
final class EmulatorFrontDoor: @unchecked Sendable {
    /// The vendor's answer to a refused request: the user, or the response to send instead.
    enum Admission { case user(String), refuse(HTTPServerResponse) }

    let tokens: OAuthTokenService
    let limiter: RequestRateLimiter
    let faults = FaultInjector()
    let log = RequestLog()
    /// The requests being handled, over time.
    let inFlight = InFlightGauge()
    private let authenticate: @Sendable (HTTPServerRequest) -> Admission
    private let throttled: @Sendable (Int) -> HTTPServerResponse
    private let faultResponse: @Sendable (Int, Int?) -> HTTPServerResponse
    private let decorate: @Sendable (inout HTTPServerResponse) -> Void
    private let route: @Sendable (HTTPServerRequest, String) -> HTTPServerResponse

    init(tokens: OAuthTokenService, limiter: RequestRateLimiter,
         authenticate: @escaping @Sendable (HTTPServerRequest) -> Admission,
         throttled: @escaping @Sendable (Int) -> HTTPServerResponse,
         faultResponse: @escaping @Sendable (Int, Int?) -> HTTPServerResponse,
         decorate: @escaping @Sendable (inout HTTPServerResponse) -> Void,
         route: @escaping @Sendable (HTTPServerRequest, String) -> HTTPServerResponse) {
        self.tokens = tokens
        self.limiter = limiter
        self.authenticate = authenticate
        self.throttled = throttled
        self.faultResponse = faultResponse
        self.decorate = decorate
        self.route = route
    }

    /// The most requests that were being handled at once, so far.
    var mostConcurrentRequests: Int { inFlight.mostAtOnce }

    func handle(_ request: HTTPServerRequest) -> HTTPServerReply {
        inFlight.enter()
        defer { inFlight.leave() }
        var dropAfter = false
        var holdAfter: TimeInterval = 0
        switch faults.take(method: request.method, path: request.path) {
        case .dropBeforeHandling?:
            log.record(request, status: nil)
            return .drop
        case .delay(let seconds)?:
            Thread.sleep(forTimeInterval: seconds)
        case .respond(let status, let retryAfter)?:
            return finish(request, faultResponse(status, retryAfter))
        case .dropAfterHandling?:
            dropAfter = true
        case .holdAfterHandling(let seconds)?:
            holdAfter = seconds
        case nil:
            break
        }
        let response: HTTPServerResponse
        if request.path == tokens.tokenPath {
            response = tokens.handle(request)
        } else if let retryAfter = faults.takeBurst() {
            response = throttled(retryAfter)
        } else {
            switch authenticate(request) {
            case .refuse(let refusal):
                response = refusal
            case .user(let user):
                if let retryAfter = limiter.admit(user) {
                    response = throttled(retryAfter)
                } else {
                    response = route(request, user)
                }
            }
        }
        if dropAfter {
            log.record(request, status: nil)
            return .drop
        }
        if holdAfter > 0 { Thread.sleep(forTimeInterval: holdAfter) }
        return finish(request, response)
    }

    private func finish(_ request: HTTPServerRequest, _ response: HTTPServerResponse) -> HTTPServerReply {
        var decorated = response
        decorate(&decorated)
        log.record(request, status: decorated.status)
        return .respond(decorated)
    }

    /// The bearer token of `Authorization: Bearer …`, if any.
    static func bearer(_ request: HTTPServerRequest) -> String? {
        guard let value = request.headers["Authorization"], value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }
}
