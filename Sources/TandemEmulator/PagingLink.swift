import Foundation

/// Builds `@odata.nextLink` / `@odata.deltaLink` URLs: the request's own query options, minus the
/// paging ones, plus a new token, percent-encoded the way OData clients send them.
enum PagingLink {
    static let queryAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~'(),:$*/@")
        return set
    }()

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? text
    }

    /// `base + path + ?options&name=token`, dropping `$skiptoken` and `$deltatoken` from `items`.
    static func make(base: String, path: String, items: [URLQueryItem], name: String, token: String) -> String {
        var parts = items.filter { $0.name != "$skiptoken" && $0.name != "$deltatoken" }
            .map { "\(encode($0.name))=\(encode($0.value ?? ""))" }
        parts.append("\(name)=\(encode(token))")
        return base + path + "?" + parts.joined(separator: "&")
    }

    /// Opaque token text for a small state (URL-safe base64 of `state`).
    static func opaque(_ state: String) -> String {
        Data(state.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The state inside an `opaque` token, or nil when it was not made by `opaque`.
    static func state(_ token: String) -> String? {
        var text = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return Data(base64Encoded: text).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The page size a `Prefer: odata.maxpagesize=N` asks for, if any.
    static func preferredPageSize(_ headers: HTTPHeaderFields) -> Int? {
        for token in headers.tokens("Prefer") where token.lowercased().hasPrefix("odata.maxpagesize=") {
            return Int(token.dropFirst("odata.maxpagesize=".count))
        }
        return nil
    }
}
