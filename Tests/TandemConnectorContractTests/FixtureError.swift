/// A value a fixture needed was not there.
enum FixtureError: Error {
    case missing(String)

    /// The value, or this error naming it (`#require` outside a test body).
    static func require<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw FixtureError.missing(what) }
        return value
    }
}
