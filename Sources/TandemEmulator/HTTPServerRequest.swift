import Foundation

/// One parsed HTTP request as the loopback server hands it to its handler.
public struct HTTPServerRequest: Sendable {
    /// The method in upper case ("GET", "PATCH", …).
    public var method: String
    /// The request target exactly as sent (path and query, still percent-encoded).
    public var target: String
    /// The path without the query, percent-decoded.
    public var path: String
    /// The path without the query, still percent-encoded (OData keys keep their quotes and parentheses).
    public var rawPath: String
    /// The query items, decoded; `+` is not treated as a space (OData sends `%20`).
    public var queryItems: [URLQueryItem]
    /// The header fields, names compared without case.
    public var headers: HTTPHeaderFields
    /// The request body (empty when none).
    public var body: Data

    public init(method: String, target: String, headers: HTTPHeaderFields = HTTPHeaderFields(), body: Data = Data()) {
        self.method = method.uppercased()
        self.target = target
        self.headers = headers
        self.body = body
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        rawPath = String(parts.first ?? "")
        path = rawPath.removingPercentEncoding ?? rawPath
        if parts.count > 1 {
            queryItems = parts[1].split(separator: "&").map { pair in
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(kv[0]).removingPercentEncoding ?? String(kv[0])
                let value = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : nil
                return URLQueryItem(name: name, value: value)
            }
        } else {
            queryItems = []
        }
    }

    /// The decoded value of the first query item called `name`.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
