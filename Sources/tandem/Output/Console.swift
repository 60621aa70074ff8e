import Foundation
import TandemCore

/// The one way text leaves the command line: results to standard output, messages to standard error.
/// Every line passes through `DisplayText.sanitizedKeepingLayout`, so no control character, escape
/// sequence or bidi control reaches a terminal, whoever made the text; only the program's own line
/// breaks and tabs stay. Record values are put into messages through `safe`, which makes a line break
/// inside a value visible too.
enum Console {
    /// Writes text to standard output, ending with `terminator` (a line break unless told otherwise,
    /// for output streamed in pieces).
    static func out(_ text: String = "", terminator: String = "\n") {
        Swift.print(DisplayText.sanitizedKeepingLayout(text), terminator: terminator)
    }

    /// Writes a message to standard error, ending the line.
    static func error(_ message: String) {
        fflush(nil)  // flush every output stream: results and messages stay in order, even when piped
        FileHandle.standardError.write(Data((DisplayText.sanitizedKeepingLayout(message) + "\n").utf8))
    }

    /// Writes a question to standard error and leaves the cursor after it, for the answer.
    static func prompt(_ question: String) {
        fflush(nil)
        FileHandle.standardError.write(Data(DisplayText.sanitizedKeepingLayout(question).utf8))
    }

    /// Rewrites the current line of standard error (a carriage return, the text, spaces over what the
    /// last one left): progress for a person watching, never sent anywhere but a terminal.
    static func redraw(_ text: String, over previousWidth: Int) {
        let shown = DisplayText.sanitized(text)
        let padding = String(repeating: " ", count: max(0, previousWidth - DisplayWidth.of(shown)))
        FileHandle.standardError.write(Data(("\r" + shown + padding + (shown.isEmpty ? "\r" : "")).utf8))
    }

    /// Whether standard output is a terminal (a person reading) rather than a pipe or a file.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether standard error is a terminal (progress is shown there only then).
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Record text is untrusted: shown with control characters made visible, line breaks included.
    static func safe(_ text: String) -> String { DisplayText.sanitized(text) }

    /// Prints any value as one pretty JSON document.
    static func printJSON(_ value: some Encodable) throws {
        out(try json(value))
    }

    /// Any value as JSON text, keys sorted, with control and bidi characters as `\uXXXX`: pretty, or
    /// on one line.
    static func json(_ value: some Encodable, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return DisplayText.escapingControlsInJSON(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
