import Foundation

/// HTTP header fields with case-insensitive names, in the order they were added.
public struct HTTPHeaderFields: Sendable, Equatable {
    /// The fields as sent, names with their original spelling.
    public private(set) var fields: [(name: String, value: String)] = []

    public init(_ pairs: [(String, String)] = []) {
        for (name, value) in pairs { add(name, value) }
    }

    /// The first value of `name`, compared without case.
    public subscript(_ name: String) -> String? {
        get { fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value }
        set {
            fields.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            if let newValue { fields.append((name, newValue)) }
        }
    }

    /// Appends a field, keeping any earlier one of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// Every comma-separated token of every field called `name` (for `Prefer`), trimmed. A comma
    /// inside double quotes belongs to its token (`odata.include-annotations="a,b"` is one).
    public func tokens(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.flatMap { field in
            var tokens: [String] = [], current = "", quoted = false
            for character in field.value {
                if character == "\"" { quoted.toggle() }
                if character == ",", !quoted {
                    tokens.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            return tokens + [current]
        }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The fields as a dictionary (later duplicates win), for JSON batch responses.
    public var dictionary: [String: String] {
        var result: [String: String] = [:]
        for field in fields { result[field.name] = field.value }
        return result
    }

    public static func == (lhs: HTTPHeaderFields, rhs: HTTPHeaderFields) -> Bool {
        lhs.fields.map { "\($0.name.lowercased()):\($0.value)" } == rhs.fields.map { "\($0.name.lowercased()):\($0.value)" }
    }
}
