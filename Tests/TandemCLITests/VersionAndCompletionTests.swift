import Foundation
import Testing
import TandemTestSupport

@Suite struct VersionAndCompletionTests {
    @Test func versionPrintsTheVersion() throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        let run = try cli.run("--version")
        #expect(run.status == 0 && run.out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreMadeForEveryShell(_ shell: String) throws {
        let cli = CLIHarness()
        defer { cli.remove() }
        let run = try cli.run("completion", shell)
        #expect(run.status == 0 && run.out.contains("tandem") && run.out.contains("match"), "\(run.err)")
        guard shell == "bash" else { return }
        // bash itself reads the script without a syntax error.
        let script = cli.folder.file("tandem.bash")
        try run.out.write(toFile: script, atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/bash")
        check.arguments = ["-n", script]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
        #expect(try cli.run("completion", "tcsh").status == 2)
    }
}
