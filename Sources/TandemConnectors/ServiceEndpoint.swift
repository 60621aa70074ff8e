import Foundation

/// A service's API root as a person gives it, checked: an absolute https URL (http only on this
/// machine), without a trailing slash, and for Business Central the company the records live in.
public struct ServiceEndpoint: Sendable, Equatable {
    public let kind: ServiceKind
    public let url: URL
    public let company: String

    public init(kind: ServiceKind, url text: String, company: String) throws {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(),
              !host.isEmpty else { throw ServiceEndpointError.notAURL(text) }
        let local = ["127.0.0.1", "localhost", "::1"].contains(host)
        guard scheme == "https" || (scheme == "http" && local) else { throw ServiceEndpointError.insecure(text) }
        if kind == .businessCentral && company.isEmpty { throw ServiceEndpointError.missingCompany }
        self.kind = kind
        self.url = url
        self.company = company
    }
}
