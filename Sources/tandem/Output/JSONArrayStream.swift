/// Prints one pretty JSON array element by element, so a long list is never held whole; the elements
/// are indented to sit inside an enclosing document at `indent` spaces.
struct JSONArrayStream {
    private let indent: String
    private var count = 0

    /// Prints the opening bracket (where the caller's cursor is: after a key, or at a line start).
    init(indent: Int = 0) {
        self.indent = String(repeating: " ", count: indent)
        Console.out("[", terminator: "")
    }

    /// Where elements start: two spaces in from the brackets.
    var innerIndent: Int { indent.count + 2 }

    mutating func append(_ value: some Encodable) throws {
        let text = try Console.json(value)
        beginElement()
        let inner = indent + "  "
        Console.out(text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0 == 0 || $1.isEmpty ? String($1) : inner + $1 }.joined(separator: "\n"), terminator: "")
    }

    /// Starts an element that the caller prints itself, in parts, at `innerIndent` (its first line
    /// already indented).
    mutating func beginElement() {
        Console.out((count == 0 ? "\n" : ",\n") + indent + "  ", terminator: "")
        count += 1
    }

    /// Prints the closing bracket, leaving the cursor after it.
    func finish() {
        Console.out(count == 0 ? "]" : "\n" + indent + "]", terminator: "")
    }
}
