import Foundation

/// A response the loopback server writes back; it adds `Content-Length` itself.
public struct HTTPServerResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaderFields
    public var body: Data

    public init(status: Int, headers: HTTPHeaderFields = HTTPHeaderFields(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response with `Content-Type: application/json; odata.metadata=minimal`.
    public static func json(_ status: Int, _ value: JSONValue, headers: HTTPHeaderFields = HTTPHeaderFields()) -> HTTPServerResponse {
        var all = headers
        if all["Content-Type"] == nil {
            all["Content-Type"] = "application/json; odata.metadata=minimal; odata.streaming=true"
        }
        return HTTPServerResponse(status: status, headers: all, body: Data(value.serialized().utf8))
    }

    /// The standard reason phrase for the status line.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 410: return "Gone"
        case 412: return "Precondition Failed"
        case 413: return "Payload Too Large"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status \(status)"
        }
    }
}
