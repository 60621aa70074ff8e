import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

/// A failure a command reports with its own message and code; `usage` errors exit with 2, the rest with 1.
struct CommandError: Error {
    var code: ErrorCode
    var message: String
    var usage: Bool
    /// Why the workspace refused the record, when it did.
    var reason: RecordFailure?
    /// The records that failed, listed in the `--json` error document.
    var records: [RecordOutcome]

    init(_ code: ErrorCode, _ message: String, usage: Bool = false, reason: RecordFailure? = nil, records: [RecordOutcome] = []) {
        self.code = code
        self.message = message
        self.usage = usage
        self.reason = reason
        self.records = records
    }
}
