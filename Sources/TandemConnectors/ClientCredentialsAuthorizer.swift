import Foundation

/// OAuth 2.0 client credentials against Microsoft Entra ID (or the URL in `TANDEM_AUTHORITY_URL`): one
/// form POST gives an access token, cached until five minutes before it expires and renewed on demand
/// (after a 401), inside the caller's retry loop rather than once before it.
public final class ClientCredentialsAuthorizer: Authorizer, CustomStringConvertible, @unchecked Sendable {
    private let tokenURL: URL
    private let clientID: String
    private let secret: String
    private let scope: String
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date
    private let lock = NSLock()
    private var cached: (token: String, expires: Date)?

    public init(authority: URL, tenant: String, clientID: String, secret: String, scope: String,
                transport: any HTTPTransport, now: @escaping @Sendable () -> Date = { Date() }) {
        self.tokenURL = authority.appendingPathComponent(tenant).appendingPathComponent("oauth2/v2.0/token")
        self.clientID = clientID
        self.secret = secret
        self.scope = scope
        self.transport = transport
        self.now = now
    }

    public func authorization(renew: Bool) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if !renew, let cached, cached.expires.timeIntervalSince(now()) > 300 { return "Bearer \(cached.token)" }
        let form = [("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", secret), ("scope", scope)]
            .map { "\($0.0)=\(Self.formEncoded($0.1))" }.joined(separator: "&")
        let request = HTTPRequest(method: "POST", url: tokenURL,
                                  headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
                                  body: Data(form.utf8))
        let response: HTTPResponse
        do {
            response = try transport.send(request)
        } catch {
            throw ConnectorError.unreachable(service: "token endpoint", url: tokenURL.absoluteString, reason: "\(error)")
        }
        let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
        guard response.status == 200, let token = json["access_token"] as? String else {
            let reason = (json["error_description"] as? String) ?? (json["error"] as? String) ?? "HTTP \(response.status)"
            throw ConnectorError.unauthorized(service: "token endpoint \(tokenURL.absoluteString)", message: reason)
        }
        let lifetime = (json["expires_in"] as? Double) ?? Double(json["expires_in"] as? String ?? "") ?? 3599
        cached = (token, now().addingTimeInterval(lifetime))
        return "Bearer \(token)"
    }

    public var description: String { "ClientCredentialsAuthorizer(\(tokenURL.absoluteString), client \(clientID), secret redacted)" }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
