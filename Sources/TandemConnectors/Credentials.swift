import Foundation
import TandemCore

/// Where a side's credential comes from: the environment, read each time a connection is made and
/// never stored in the workspace nor printed.
///
/// In order: `TANDEM_<SIDE>_TOKEN` (a bearer token got elsewhere); client credentials
/// `TANDEM_<SIDE>_TENANT_ID`, `_CLIENT_ID`, `_CLIENT_SECRET` (token endpoint
/// `https://login.microsoftonline.com`, or `TANDEM_AUTHORITY_URL`); for the ERP,
/// `TANDEM_ERP_USER` / `TANDEM_ERP_PASSWORD` (Business Central on-premises web-service key).
public enum Credentials {
    public static func authorizer(for endpoint: ServiceEndpoint, environment: [String: String],
                                  transport: any HTTPTransport) throws -> any Authorizer {
        let prefix = endpoint.kind.side == .erp ? "TANDEM_ERP_" : "TANDEM_CRM_"
        func value(_ name: String) -> String? { environment[prefix + name].flatMap { $0.isEmpty ? nil : $0 } }
        if let token = value("TOKEN") { return StaticAuthorizer.bearer(token) }
        if let tenant = value("TENANT_ID"), let client = value("CLIENT_ID"), let secret = value("CLIENT_SECRET") {
            let authority = environment["TANDEM_AUTHORITY_URL"].flatMap { $0.isEmpty ? nil : URL(string: $0) }
                ?? URL(string: "https://login.microsoftonline.com")!
            return ClientCredentialsAuthorizer(authority: authority, tenant: tenant, clientID: client, secret: secret,
                                               scope: scope(for: endpoint), transport: transport)
        }
        if endpoint.kind == .businessCentral, let user = value("USER"), let password = value("PASSWORD") {
            return StaticAuthorizer.basic(user: user, password: password)
        }
        var names = [prefix + "TOKEN", prefix + "TENANT_ID", prefix + "CLIENT_ID", prefix + "CLIENT_SECRET"]
        if endpoint.kind == .businessCentral { names += ["TANDEM_ERP_USER", "TANDEM_ERP_PASSWORD"] }
        throw ConnectorError.missingCredentials(side: endpoint.kind.side.displayName, variables: names)
    }

    /// The OAuth scope: Business Central's fixed resource, or the Dataverse organization's own URL.
    public static func scope(for endpoint: ServiceEndpoint) -> String {
        switch endpoint.kind {
        case .businessCentral: return "https://api.businesscentral.dynamics.com/.default"
        case .dataverse:
            let port = endpoint.url.port.map { ":\($0)" } ?? ""
            return "\(endpoint.url.scheme ?? "https")://\(endpoint.url.host ?? "")\(port)/.default"
        }
    }
}
