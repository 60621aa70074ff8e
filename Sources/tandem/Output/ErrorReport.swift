import ArgumentParser
import TandemCore

/// An error as `--json` writes it to standard error: one line, one object,
/// `{"error":{"code":"recordNotFound","message":"No ERP record has the number C99999."}}`, with the
/// reason's code and the failed records when there are any. The message is a person's words, written
/// whole (the JSON escaping turns control and bidi characters into `\uXXXX`); the code is for scripts.
struct ErrorReport: Encodable {
    struct Body: Encodable {
        var code: ErrorCode
        var message: String
        /// Why the workspace refused the record, as a code with its arguments.
        var reason: RecordFailure?
        var records: [OutcomeJSON]?
    }

    var error: Body

    init(code: ErrorCode, message: String, reason: RecordFailure? = nil, records: [RecordOutcome] = []) {
        error = Body(code: code, message: message, reason: reason, records: records.isEmpty ? nil : records.map(OutcomeJSON.init))
    }

    /// The report of whatever a command threw; `parser` gives the argument parser's own words.
    init(_ thrown: any Error, parser: ParsableCommand.Type) {
        switch thrown {
        case let failure as CommandError:
            self.init(code: failure.code, message: failure.message, reason: failure.reason, records: failure.records)
        case TandemError.refused(let reason):
            self.init(code: .refused, message: reason.message, reason: reason)
        default:
            let usage = parser.exitCode(for: thrown) == .validationFailure
            self.init(code: usage ? .usage : ErrorCode.of(thrown),
                      message: usage ? parser.message(for: thrown) : String(describing: thrown))
        }
    }

    /// Whether the command line asks for JSON, read before (or without) parsing it: a `--json` before
    /// any `--`. Lets a command line that does not parse report its error the way it asked for.
    static func requested(by arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }

    /// Writes the report to standard error as one line.
    func write() throws {
        Console.error(try Console.json(self, pretty: false))
    }
}
