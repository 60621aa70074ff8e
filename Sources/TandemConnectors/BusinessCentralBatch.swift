import Foundation

/// One JSON `$batch` request to Business Central (`POST <api>/$batch`, `{"requests":[…]}`) and its
/// answer (`{"responses":[{id,status,headers,body}]}`), at most 100 operations as the service allows.
///
/// No `Isolation: snapshot` header is sent: each operation commits on its own, so one record the
/// service refuses never takes the others in its batch down with it.
struct BusinessCentralBatch {
    /// Business Central's limit on operations in one `$batch` (operational-limits-online).
    static let limit = 100

    /// One operation: method, URL relative to the API root, headers and an optional JSON body.
    struct Operation {
        var method: String
        var url: String
        var headers: [String: String]
        var body: Data?
    }

    let operations: [Operation]

    /// The request body; operation ids are their positions.
    func body() throws -> Data {
        var requests: [[String: Any]] = []
        for (index, operation) in operations.enumerated() {
            var item: [String: Any] = ["id": String(index), "method": operation.method, "url": operation.url]
            var headers = operation.headers
            if let body = operation.body {
                headers["Content-Type"] = "application/json"
                item["body"] = JSONWriter.Raw(data: body)
            }
            item["headers"] = headers
            requests.append(item)
        }
        return try ODataJSON.body(["requests": requests])
    }

    /// Each operation's answer, in the order of `operations`; a missing answer is a malformed response.
    func responses(_ response: HTTPResponse, service: String) throws -> [HTTPResponse] {
        let object = try ODataJSON.object(response, service: service)
        guard let items = object["responses"] as? [[String: Any]] else {
            throw ConnectorError.malformedResponse(service: service, detail: "a $batch answer without \"responses\"")
        }
        var byID: [String: HTTPResponse] = [:]
        for item in items {
            guard let id = item["id"] as? String, let status = (item["status"] as? NSNumber)?.intValue else {
                throw ConnectorError.malformedResponse(service: service, detail: "a $batch answer without id or status")
            }
            var headers: [String: String] = [:]
            for (name, value) in item["headers"] as? [String: Any] ?? [:] { headers[name] = "\(value)" }
            let body = try item["body"].map { try JSONSerialization.data(withJSONObject: $0, options: [.fragmentsAllowed]) } ?? Data()
            byID[id] = HTTPResponse(status: status, headers: headers, body: body)
        }
        return try operations.indices.map { index in
            guard let answer = byID[String(index)] else {
                throw ConnectorError.malformedResponse(service: service, detail: "the $batch answer lacks operation \(index)")
            }
            return answer
        }
    }
}
