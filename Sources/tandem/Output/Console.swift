import Foundation
import TandemCore

/// Where a command writes: results to standard output, messages to standard error.
enum Console {
    static func error(_ message: String) {
        fflush(nil)  // flush every output stream: results and messages stay in order, even when piped
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Record text is untrusted: shown with control characters made visible.
    static func safe(_ text: String) -> String { DisplayText.sanitized(text) }

    /// Prints any value as one pretty JSON document.
    static func printJSON(_ value: some Encodable) throws {
        print(try json(value))
    }

    /// Any value as pretty JSON text, keys sorted.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
