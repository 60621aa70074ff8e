import Foundation

/// The `$filter` subset the connectors send: comparisons `property op literal` (op: eq, ne, gt, ge,
/// lt, le) joined all by `or` or all by `and` (parentheses allowed). Literals:
/// 'text' (with '' for a quote), GUIDs, numbers, ISO 8601 date-times, true/false, null.
struct ODataFilter {
    enum Literal: Equatable { case text(String), number(Decimal), date(Int64), bool(Bool), null, guid(String) }
    struct Comparison { let property: String; let op: String; let literal: Literal }

    let comparisons: [Comparison]
    let isConjunction: Bool

    /// Parses `text`; throws a message naming what was not understood.
    init(_ text: String) throws {
        // With one kind of joiner throughout, parentheses cannot change the meaning.
        let tokens = try Self.tokenize(text).filter { $0 != "(" && $0 != ")" }
        var comparisons: [Comparison] = []
        var joiner: String?
        var index = 0
        while index < tokens.count {
            guard index + 2 < tokens.count else { throw ODataFilterError(message: "Incomplete $filter expression '\(text)'.") }
            let op = tokens[index + 1].lowercased()
            guard ["eq", "ne", "gt", "ge", "lt", "le"].contains(op) else {
                throw ODataFilterError(message: "Unsupported operator '\(tokens[index + 1])' in $filter.")
            }
            comparisons.append(Comparison(property: tokens[index], op: op, literal: try Self.literal(tokens[index + 2])))
            index += 3
            if index < tokens.count {
                let word = tokens[index].lowercased()
                guard word == "or" || word == "and" else { throw ODataFilterError(message: "Expected 'and' or 'or' in $filter, found '\(tokens[index])'.") }
                if let joiner, joiner != word { throw ODataFilterError(message: "Mixing 'and' with 'or' is not supported by this emulator.") }
                joiner = word
                index += 1
            }
        }
        guard !comparisons.isEmpty else { throw ODataFilterError(message: "Empty $filter.") }
        self.comparisons = comparisons
        self.isConjunction = joiner == "and"
    }

    /// The properties the filter reads.
    var properties: Set<String> { Set(comparisons.map(\.property)) }

    /// Whether `row` passes; `value(property)` reads the row's JSON value.
    func matches(_ value: (String) -> JSONValue?) -> Bool {
        let results = comparisons.map { Self.compare(value($0.property) ?? .null, $0.op, $0.literal) }
        return isConjunction ? results.allSatisfy { $0 } : results.contains(true)
    }

    private static func compare(_ stored: JSONValue, _ op: String, _ literal: Literal) -> Bool {
        let order: ComparisonResult?
        switch (stored, literal) {
        case (.null, .null): order = .orderedSame
        case (.null, _), (_, .null): order = nil
        case (.string(let s), .text(let t)): order = s == t ? .orderedSame : (s < t ? .orderedAscending : .orderedDescending)
        case (.string(let s), .guid(let g)): order = s.lowercased() == g ? .orderedSame : (s.lowercased() < g ? .orderedAscending : .orderedDescending)
        case (.string(let s), .date(let d)):
            guard let stored = ODataTimestamp.parse(s) else { return false }
            order = stored == d ? .orderedSame : (stored < d ? .orderedAscending : .orderedDescending)
        case (.number(let n), .number(let m)): order = n == m ? .orderedSame : (n < m ? .orderedAscending : .orderedDescending)
        case (.bool(let b), .bool(let c)): order = b == c ? .orderedSame : .orderedDescending
        default: order = nil
        }
        switch op {
        case "eq": return order == .orderedSame
        case "ne": return order != .orderedSame
        case "gt": return order == .orderedDescending
        case "ge": return order == .orderedDescending || order == .orderedSame
        case "lt": return order == .orderedAscending
        default: return order == .orderedAscending || order == .orderedSame
        }
    }

    private static func literal(_ token: String) throws -> Literal {
        if token.hasPrefix("'") { return .text(String(token.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")) }
        switch token.lowercased() {
        case "null": return .null
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if UUID(uuidString: token) != nil { return .guid(token.lowercased()) }
        if token.contains("T"), let date = ODataTimestamp.parse(token) { return .date(date) }
        if let number = Decimal(string: token), token.first.map({ $0.isNumber || $0 == "-" }) == true { return .number(number) }
        throw ODataFilterError(message: "Unrecognized literal '\(token)' in $filter.")
    }

    private static func tokenize(_ text: String) throws -> [String] {
        var tokens: [String] = []
        var current = ""
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if c == "'" {
                current.append(c)
                var closed = false
                while let d = chars.popFirst() {
                    current.append(d)
                    if d == "'" {
                        if chars.first == "'" { current.append(chars.removeFirst()); continue }
                        closed = true
                        break
                    }
                }
                guard closed else { throw ODataFilterError(message: "Unterminated string literal in $filter.") }
            } else if c == " " {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else if c == "(" || c == ")" {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(c))
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
