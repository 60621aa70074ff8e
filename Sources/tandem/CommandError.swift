import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

/// A failure a command reports with its own message; `usage` errors exit with 2, the rest with 1.
struct CommandError: Error {
    var message: String
    var usage: Bool

    init(_ message: String, usage: Bool = false) {
        self.message = message
        self.usage = usage
    }
}
