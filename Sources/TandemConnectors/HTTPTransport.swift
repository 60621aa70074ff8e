/// The one seam every connector's HTTP goes through. It is synchronous on purpose: the engine's
/// `RecordSource` is synchronous, and a blocking transfer on the caller's thread (libcurl waits in
/// `poll`) is safe where blocking a Swift-concurrency task is not.
///
/// A transport sends exactly one request and returns what came back, whatever the status; it throws
/// only when no response arrived (`TransportError`). Retries, waits and tokens belong to the caller.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws -> HTTPResponse
}
