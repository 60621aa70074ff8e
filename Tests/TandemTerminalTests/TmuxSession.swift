import Foundation
import TandemTestSupport

/// A tmux server on a private socket with one shell, for driving the built `tandem` like a person:
/// keys in with send-keys, the screen out with capture-pane, waiting by polling (never by sleeping a
/// fixed time).
final class TmuxSession {
    let socket = "tandem-test-\(UUID().uuidString.prefix(8))"
    let folder = TemporaryFolder("tandem-tmux")
    /// The default workspace of the shell's user (`$XDG_DATA_HOME/tandem/default`).
    var workspace: String { folder.file("data/tandem/default") }

    static let binary: String = {
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("tandem")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return "tandem"
    }()

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    init(width: Int = 100, height: Int = 30, term: String = "tmux-256color") throws {
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height),
                  "env -i PATH=/usr/bin:/bin HOME=\(folder.path) XDG_DATA_HOME=\(folder.file("data")) TERM=\(term) "
                  + "LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile"])
        try tmux(["set-option", "-g", "status", "off"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        folder.remove()
    }

    /// Runs a tmux command with posix_spawn and waitpid. (Foundation's Process did not reap the
    /// client that forks the tmux server, and a pipe would be inherited by the server and never
    /// close; output goes to a file instead.)
    @discardableResult
    func tmux(_ arguments: [String], output: Bool = false) throws -> String {
        let outputFile = folder.file("tmux-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ? outputFile : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // The test runner's threads block signals; tmux (and the shell and tandem under it) must not
        // inherit that, so start it with an empty mask and default dispositions.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return output ? ((try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "") : ""
    }

    /// Types text into the pane, or presses named keys ("Enter", "Down", "F4", "Escape", "Space").
    func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }
    func press(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    var screen: String { (try? tmux(["capture-pane", "-p"], output: true)) ?? "" }

    /// Waits until the screen satisfies `condition`; returns the screen it saw last.
    @discardableResult
    func wait(timeout: TimeInterval = 20, for condition: (String) -> Bool) -> (Bool, String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            if condition(last) { return (true, last) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (false, last)
    }

    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 20) -> (Bool, String) {
        wait(timeout: timeout) { $0.contains(text) }
    }

    /// The pid of the program running in the pane's shell, if any.
    var childPID: Int32? {
        guard let shell = Int32(((try? tmux(["display-message", "-p", "#{pane_pid}"], output: true)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }
}
