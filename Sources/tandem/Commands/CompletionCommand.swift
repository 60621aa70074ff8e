import ArgumentParser

/// `tandem completion bash|zsh|fish`: the shell completion script, as swift-argument-parser makes it.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion", abstract: tr("Print the shell completion script for bash, zsh or fish."),
        discussion: """
            bash: tandem completion bash > /etc/bash_completion.d/tandem
            zsh:  tandem completion zsh > "${fpath[1]}/_tandem"
            fish: tandem completion fish > ~/.config/fish/completions/tandem.fish
            """)

    @Argument(help: ArgumentHelp(tr("bash, zsh or fish.")))
    var shell: CompletionShell

    func run() throws {
        Console.out(TandemCommand.completionScript(for: shell), terminator: "")
    }
}

extension CompletionShell: @retroactive ExpressibleByArgument {}
