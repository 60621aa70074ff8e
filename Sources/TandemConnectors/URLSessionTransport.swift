import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production transport: Foundation's URLSession (FoundationNetworking on Linux), waited on
/// synchronously. The session's delegate queue has threads of its own, so the caller's thread can
/// block without starving it.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession
    private let challenges: ChallengeRefusal
    private let timeout: TimeInterval

    /// `timeout`: how long one request may wait for its answer before it counts as lost.
    public init(timeout: TimeInterval = 100) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        configuration.urlCache = nil
        self.challenges = ChallengeRefusal()
        self.session = URLSession(configuration: configuration, delegate: challenges, delegateQueue: nil)
        self.timeout = timeout
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // swift-corelibs-foundation on Linux was seen here to send a request on a kept-alive connection
        // and never hear back (the server never received it; it timed out). One connection per request
        // costs a handshake but never hangs.
        urlRequest.setValue("close", forHTTPHeaderField: "Connection")
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let task = session.dataTask(with: urlRequest) { data, response, error in
            outcome.set(data: data, response: response, error: error)
            done.signal()
        }
        task.resume()
        let address = request.url.absoluteString
        // URLSession's own timeout is the rule; this deadline only guards against a task that never
        // completes at all (a bug of the platform must not hang a job forever).
        if done.wait(timeout: .now() + timeout + 10) == .timedOut {
            task.cancel()
            throw TransportError.timedOut(url: address)
        }
        if challenges.refused(task.taskIdentifier) {
            // The service asked for credentials (401 with WWW-Authenticate); the answer itself was
            // withheld by URLSession, so it is rebuilt here for the client to renew its token.
            return HTTPResponse(status: 401, headers: [:], body: Data())
        }
        let (data, response, error) = outcome.get()
        if let error {
            let code = (error as NSError).code
            if code == NSURLErrorTimedOut { throw TransportError.timedOut(url: address) }
            throw TransportError.connectionFailed(url: address, reason: error.localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError.connectionFailed(url: address, reason: "no HTTP response")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data())
    }

    /// What the completion handler saw, handed across threads under a lock.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (Data?, URLResponse?, (any Error)?) = (nil, nil, nil)
        func set(data: Data?, response: URLResponse?, error: (any Error)?) {
            lock.lock()
            value = (data, response, error)
            lock.unlock()
        }
        func get() -> (Data?, URLResponse?, (any Error)?) {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
