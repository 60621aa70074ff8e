import Foundation

/// The requests an emulator has answered or dropped, in arrival order. Thread-safe.
public final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [RequestLogEntry] = []

    public init() {}

    func record(_ request: HTTPServerRequest, status: Int?) {
        let query = request.queryItems.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&")
        let entry = RequestLogEntry(method: request.method, path: request.path, query: query, status: status)
        lock.withLock { entries.append(entry) }
    }

    /// Every entry so far.
    public var all: [RequestLogEntry] { lock.withLock { entries } }

    /// Forgets every entry.
    public func clear() { lock.withLock { entries.removeAll() } }
}
