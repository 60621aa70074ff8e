import ArgumentParser
import Foundation
import TandemCore

// Exit codes are a contract for scripts: 0 everything succeeded, 1 some records failed or were
// refused (the summary says which), 2 the command line itself was wrong. Every text goes out through
// `Console`; a message is one line, so a line break inside it (from a record or an argument) shows as ␊.
// A command given --json reports its error as one JSON line on standard error instead (`ErrorReport`);
// a command line that does not parse does so when it has --json. A command given --json speaks English
// throughout (docs/json.md): its document, its error object and its lines on standard error read the
// same whatever TANDEM_LANG or LANG say; text output follows the language.
let arguments = Array(CommandLine.arguments.dropFirst())
var json = ErrorReport.requested(by: arguments)
do {
    var command = try Language.$override.withValue(json ? .english : nil) { try TandemCommand.parseAsRoot(arguments) }
    json = (command as? any JSONOutputCommand)?.output.json ?? false
    try Language.$override.withValue(json ? .english : nil) { try command.run() }
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = TandemCommand.exitCode(for: error)
    if code == .success {  // --help, --version
        Console.out(TandemCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    let usage = (error as? CommandError)?.usage ?? (code == .validationFailure)
    if json, (try? Language.$override.withValue(.english) { try ErrorReport(error, parser: TandemCommand.self).write() }) != nil {
        // written as JSON
    } else if let error = error as? CommandError {
        Console.error("tandem: " + Console.safe(error.message))
    } else if usage {
        Console.error(TandemCommand.fullMessage(for: error))
    } else {
        Console.error("tandem: " + Console.safe("\(error)"))
    }
    Foundation.exit(usage ? 2 : 1)
}
