import ArgumentParser
import Foundation

/// `--yes` for the commands that destroy something: on a terminal they ask first; elsewhere (a script,
/// a pipe) they refuse unless told `--yes`, so nothing is lost to a typo in a script.
struct Confirmation: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Do it without asking (needed when not run on a terminal).")
    var yes = false

    /// Asks `question` on a terminal (y or yes goes on); without a terminal, needs `--yes`.
    func require(_ question: String) throws {
        if yes { return }
        guard isatty(STDIN_FILENO) == 1, Console.errorIsTerminal else {
            throw CommandError(.confirmationNeeded, "\(question) Not done: give --yes to confirm when not on a terminal.", usage: true)
        }
        Console.prompt("\(question) [y/N] ")
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else { throw CommandError(.notConfirmed, "Not done.") }
    }
}
