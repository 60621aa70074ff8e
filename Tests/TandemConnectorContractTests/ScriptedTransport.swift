import Foundation
import TandemConnectors

/// A transport that answers from fixture files: the first rule whose method and path fragment match
/// a request gives its answer. Every request is kept, so a test can read what the connector sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    struct Rule {
        var method: String
        var pathContains: String
        var response: HTTPResponse
    }

    private let lock = NSLock()
    private let rules: [Rule]
    private var sent: [HTTPRequest] = []

    init(_ rules: [Rule]) { self.rules = rules }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        lock.withLock { sent.append(request) }
        let path = request.url.path.removingPercentEncoding ?? request.url.path
        guard let rule = rules.first(where: { $0.method == request.method && path.contains($0.pathContains) }) else {
            return HTTPResponse(status: 404, body: Data(#"{"error":{"code":"BadRequest_NotFound","message":"no fixture"}}"#.utf8))
        }
        return rule.response
    }

    /// A fixture file from `Fixtures/` beside this source file, as a 200 JSON answer.
    static func fixture(_ name: String, file: String = #filePath) throws -> HTTPResponse {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: try Data(contentsOf: url))
    }
}
