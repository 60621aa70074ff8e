import PostgresNIO

/// A statement argument: text, a 64-bit integer, a text array, or NULL. Tandem stores every field as text and every
/// time as milliseconds, so these are all it binds.
public enum PostgresValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case integer(Int64)
    /// A `text[]`, for `= ANY(?)` with many ids in one argument.
    case textArray([String])
    case null

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }

    func bind(into bindings: inout PostgresBindings) {
        switch self {
        case .text(let text): bindings.append(text)
        case .integer(let value): bindings.append(value)
        case .textArray(let texts): bindings.append(texts)
        case .null: bindings.appendNull()
        }
    }
}
