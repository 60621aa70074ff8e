import TandemCore

/// Why a PostgreSQL workspace could not be used, in words that name the server and database (never a
/// password, never a stack trace).
public enum PostgresWorkspaceError: Error, Equatable, CustomStringConvertible {
    case badAddress(text: String)
    case unreachable(address: String, reason: String)
    case refusedLogin(address: String, message: String)
    case missingDatabase(address: String)
    case notTandem(address: String)
    case newerVersion(address: String, found: Int, known: Int)
    case failed(address: String, message: String)

    public var description: String {
        switch self {
        case .badAddress(let text):
            tr("\"{0}\" is not a PostgreSQL address; write postgres://user@host:port/database.", text)
        case .unreachable(let address, let reason):
            tr("The PostgreSQL server of {0} cannot be reached: {1}.", address, reason)
        case .refusedLogin(let address, let message):
            tr("The PostgreSQL server refused the login to {0}: {1}", address, message)
        case .missingDatabase(let address):
            tr("The database of {0} does not exist; create it first (createdb).", address)
        case .notTandem(address: let address):
            tr("{0} holds tables that are not a Tandem workspace; nothing was written.", address)
        case .newerVersion(let address, let found, let known):
            tr("{0} was made by a newer Tandem (schema {1}; this one knows up to {2}); nothing was written.", address, found, known)
        case .failed(let address, let message):
            tr("PostgreSQL at {0}: {1}", address, message)
        }
    }
}
