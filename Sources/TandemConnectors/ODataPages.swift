import Foundation

/// Follows a collection's `@odata.nextLink` from its first page to its last, the same in both
/// services: every page must answer 200 with a JSON object, and each is handed on as it arrives, so
/// a long read never holds more than one page.
struct ODataPages {
    let service: String
    /// Sends one GET for a link (the table adds its headers and page size).
    let get: (String) throws -> HTTPResponse

    /// Calls `each` with every page's JSON object, first to last.
    func forEach(from first: String, _ each: ([String: Any]) throws -> Void) throws {
        var link: String? = first
        while let next = link {
            let response = try get(next)
            guard response.status == 200 else {
                throw ConnectorError.serviceFailed(service: service, status: response.status, message: ServiceClient.message(of: response))
            }
            let object = try ODataJSON.object(response, service: service)
            try each(object)
            link = object["@odata.nextLink"] as? String
        }
    }
}
