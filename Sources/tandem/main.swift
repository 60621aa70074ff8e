import ArgumentParser
import Foundation

// Exit codes are a contract for scripts: 0 everything succeeded, 1 some records failed or were
// refused (the summary says which), 2 the command line itself was wrong. Every text goes out through
// `Console`; a message is one line, so a line break inside it (from a record or an argument) shows as ␊.
do {
    var command = try TandemCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let error as CommandError {
    Console.error("tandem: " + Console.safe(error.message))
    Foundation.exit(error.usage ? 2 : 1)
} catch {
    let code = TandemCommand.exitCode(for: error)
    if code == .success {
        Console.out(TandemCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    if code == .validationFailure {
        Console.error(TandemCommand.fullMessage(for: error))
        Foundation.exit(2)
    }
    Console.error("tandem: " + Console.safe("\(error)"))
    Foundation.exit(1)
}
