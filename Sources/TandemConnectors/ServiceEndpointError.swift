import TandemCore

/// Why a service's address was refused before any request.
public enum ServiceEndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongKind(String, side: Side, expected: String)
    case notAURL(String)
    /// Plain http is only for this machine (on-premises tests, emulators); anything else must be https.
    case insecure(String)
    case missingCompany

    public var description: String {
        switch self {
        case .wrongKind(let given, let side, let expected):
            tr("The {0} can live in {1} or local, not \"{2}\".", side.displayName, expected, given)
        case .notAURL(let text): tr("\"{0}\" is not a service URL (https://…).", text)
        case .insecure(let text): tr("{0} is not https; plain http is accepted only for 127.0.0.1 and localhost.", text)
        case .missingCompany: tr("Business Central needs the company: --company ID (GET …/api/v2.0/companies lists them).")
        }
    }
}
