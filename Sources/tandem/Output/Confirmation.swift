import ArgumentParser
import Foundation

/// `--yes` for the commands that destroy something: on a terminal they ask first; elsewhere (a script,
/// a pipe) they refuse unless told `--yes`, so nothing is lost to a typo in a script.
struct Confirmation: ParsableArguments {
    @Flag(name: .shortAndLong, help: ArgumentHelp(tr("Do it without asking (needed when not run on a terminal).")))
    var yes = false

    /// Asks `question` on a terminal (y or yes goes on, and Spanish s, si or sí); without a terminal,
    /// needs `--yes`.
    func require(_ question: String) throws {
        if yes { return }
        guard isatty(STDIN_FILENO) == 1, Console.errorIsTerminal else {
            throw CommandError(.confirmationNeeded, tr("{0} Not done: give --yes to confirm when not on a terminal.", question), usage: true)
        }
        Console.prompt(tr("{0} [y/N] ", question))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard ["y", "yes", "s", "si", "sí"].contains(answer) else { throw CommandError(.notConfirmed, tr("Not done.")) }
    }
}
