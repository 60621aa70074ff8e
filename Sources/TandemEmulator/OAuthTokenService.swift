import Foundation

/// The client-credentials token endpoint both emulators serve at `POST /<tenant>/oauth2/v2.0/token`,
/// modelled on Microsoft Entra ID (learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow),
/// and the check of the bearer tokens it issued. Thread-safe.
public final class OAuthTokenService: @unchecked Sendable {
    private struct Grant { let user: String; var expires: Date }

    private let lock = NSLock()
    private var grants: [String: Grant] = [:]
    private let tenant: String
    private let clientID: String
    private let clientSecret: String
    private let lifetime: TimeInterval

    /// `lifetime` is the access token's validity in seconds (Entra's default is about an hour).
    public init(tenant: String, clientID: String, clientSecret: String, lifetime: TimeInterval) {
        self.tenant = tenant
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.lifetime = lifetime
    }

    /// The path of the token endpoint.
    public var tokenPath: String { "/\(tenant)/oauth2/v2.0/token" }

    /// Accepts `token` as valid for `user` until `expireAll()`, without a token request.
    public func accept(_ token: String, user: String) {
        lock.withLock { grants[token] = Grant(user: user, expires: .distantFuture) }
    }

    /// Makes every token issued or accepted so far invalid.
    public func expireAll() {
        lock.withLock {
            let past = Date(timeIntervalSince1970: 0)
            for key in grants.keys { grants[key]?.expires = past }
        }
    }

    /// The user the token belongs to, or nil when it is unknown or expired.
    public func user(forBearer token: String) -> String? {
        lock.withLock {
            guard let grant = grants[token], grant.expires > Date() else { return nil }
            return grant.user
        }
    }

    /// Answers a token request (the caller has matched the path and method).
    public func handle(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let form = Self.parseForm(request.body)
        guard request.method == "POST" else {
            return error(405, "invalid_request", "AADSTS900561: The endpoint only accepts POST requests.")
        }
        guard form["grant_type"] == "client_credentials" else {
            return error(400, "unsupported_grant_type",
                         "AADSTS70003: The app requested an unsupported grant type '\(form["grant_type"] ?? "")'.")
        }
        guard let id = form["client_id"], !id.isEmpty else {
            return error(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'client_id'.")
        }
        guard id == clientID else {
            return error(400, "unauthorized_client",
                         "AADSTS700016: Application with identifier '\(id)' was not found in the directory '\(tenant)'.")
        }
        guard form["client_secret"] == clientSecret else {
            return error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.")
        }
        // Unverified: Entra checks the scope against the resource's app registration; the emulator only
        // requires the client-credentials form `<resource>/.default`.
        guard let scope = form["scope"], scope.hasSuffix("/.default") else {
            return error(400, "invalid_scope",
                         "AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.")
        }
        let token = "emu." + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        lock.withLock { grants[token] = Grant(user: id, expires: Date().addingTimeInterval(lifetime)) }
        let seconds = Decimal(Int(lifetime.rounded(.down)))
        return .json(200, .object([
            "token_type": .string("Bearer"),
            "expires_in": .number(seconds),
            "ext_expires_in": .number(seconds),
            "access_token": .string(token),
        ]), headers: HTTPHeaderFields([("Content-Type", "application/json; charset=utf-8")]))
    }

    private func error(_ status: Int, _ code: String, _ description: String) -> HTTPServerResponse {
        .json(status, .object([
            "error": .string(code),
            "error_description": .string(description),
            "error_codes": .array([]),
            "timestamp": .string(ODataTimestamp.seconds(Date())),
            "trace_id": .string(UUID().uuidString.lowercased()),
            "correlation_id": .string(UUID().uuidString.lowercased()),
        ]), headers: HTTPHeaderFields([("Content-Type", "application/json; charset=utf-8")]))
    }

    /// Decodes `application/x-www-form-urlencoded` (`+` is a space).
    static func parseForm(_ body: Data) -> [String: String] {
        var result: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            result[decode(kv[0])] = kv.count > 1 ? decode(kv[1]) : ""
        }
        return result
    }
}
