/// Gives the `Authorization` header of a request, fetching or renewing a token when asked. It never
/// appears in a message: errors name the service, not the credential.
public protocol Authorizer: Sendable {
    /// The header value ("Bearer …", "Basic …"); with `renew`, a fresh token rather than the cached one.
    func authorization(renew: Bool) throws -> String
}
