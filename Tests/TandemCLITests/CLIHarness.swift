import Foundation
import TandemTestSupport

/// Runs the built `tandem` binary on a private workspace and captures what it prints.
struct CLIHarness {
    struct Run {
        var status: Int32
        var out: String
        var err: String
        /// Exactly what the process wrote, for checks a decoded string would hide.
        var outBytes: [UInt8] = []
        var errBytes: [UInt8] = []
    }

    let folder = TemporaryFolder("tandem-cli")
    var workspace: String { folder.file("workspace") }

    /// The `tandem` executable beside this test bundle in the build folder.
    static let binary: String = {
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("tandem")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return "tandem"
    }()

    @discardableResult
    func run(_ arguments: String..., environment extra: [String: String] = [:]) throws -> Run {
        try run(arguments, environment: extra)
    }

    /// Runs `tandem` with `arguments`; `standardOutput` names a file to write to instead of capturing
    /// (`/dev/full`); `wrapper` is a command that runs the binary (`setpriv …`, `unshare …`), or — with
    /// `binary: false` — a command given the whole command line itself (`script -qec "…"`).
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:], standardOutput: String? = nil,
             wrapper: [String] = [], binary: Bool = true) throws -> Run {
        let process = Process()
        let command = wrapper + (binary ? [Self.binary] : []) + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment["TANDEM_WORKSPACE"] = workspace
        environment["TANDEM_SAMPLE_DATA"] = sampleDataFolder()
        environment.merge(extra) { $1 }
        process.environment = environment
        let outFile = folder.file("stdout-\(UUID().uuidString)"), errFile = folder.file("stderr-\(UUID().uuidString)")
        try Data().write(to: URL(fileURLWithPath: outFile))
        try Data().write(to: URL(fileURLWithPath: errFile))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: standardOutput ?? outFile))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errFile))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let outBytes = Array((try? Data(contentsOf: URL(fileURLWithPath: outFile))) ?? Data())
        let errBytes = Array((try? Data(contentsOf: URL(fileURLWithPath: errFile))) ?? Data())
        return Run(status: process.terminationStatus, out: String(validating: outBytes, as: UTF8.self) ?? "",
                   err: String(validating: errBytes, as: UTF8.self) ?? "", outBytes: outBytes, errBytes: errBytes)
    }

    /// Starts `tandem` without waiting for it (to run beside another, or to kill it); its output
    /// goes to `output`, else a file in the harness's folder.
    func start(_ arguments: [String], environment extra: [String: String] = [:], output path: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TANDEM_WORKSPACE"] = workspace
        environment.merge(extra) { $1 }
        process.environment = environment
        let outFile = path ?? folder.file("stdout-\(UUID().uuidString)")
        try Data().write(to: URL(fileURLWithPath: outFile))
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outFile))
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs with `--json` and decodes the document.
    func json(_ arguments: String...) throws -> Any {
        let result = try run(arguments + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8))
    }

    func remove() { folder.remove() }
}
