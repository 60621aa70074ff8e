/// A command that takes `--json`: its errors go to standard error as JSON too (`ErrorReport`).
/// docs/json.md shows the document of each one.
protocol JSONOutputCommand {
    var output: OutputOptions { get }
}
