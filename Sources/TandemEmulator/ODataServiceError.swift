import Foundation

/// An OData error answer, `{"error":{"code":…,"message":…}}`, as both services send it.
public struct ODataServiceError: Error, Sendable, Equatable {
    public let status: Int
    public let code: String
    public let message: String
    /// Extra headers, such as `Retry-After`.
    public var headers: [String: String] = [:]

    public init(status: Int, code: String, message: String, headers: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// The error as a JSON response.
    public var response: HTTPServerResponse {
        var fields = HTTPHeaderFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { fields[name] = value }
        return .json(status, body, headers: fields)
    }

    /// The `{"error":{…}}` body.
    public var body: JSONValue {
        .object(["error": .object(["code": .string(code), "message": .string(message)])])
    }
}
