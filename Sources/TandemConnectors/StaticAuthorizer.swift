import Foundation

/// A credential that is given whole: a bearer token got elsewhere (`TANDEM_ERP_TOKEN`), or Business
/// Central on-premises' user name and web-service access key (Basic authentication).
public struct StaticAuthorizer: Authorizer, CustomStringConvertible {
    private let header: String

    public static func bearer(_ token: String) -> StaticAuthorizer { StaticAuthorizer(header: "Bearer \(token)") }

    public static func basic(user: String, password: String) -> StaticAuthorizer {
        StaticAuthorizer(header: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
    }

    public func authorization(renew: Bool) throws -> String { header }

    /// Never the credential itself.
    public var description: String { "StaticAuthorizer(redacted)" }
}
