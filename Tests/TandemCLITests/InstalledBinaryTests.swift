import Foundation
import Testing
import TandemTestSupport

@Suite struct InstalledBinaryTests {
    /// `cp .build/release/tandem /usr/local/bin/` and run from any folder: the default workspace is made
    /// from the sample data inside the binary, with no repository anywhere near.
    @Test func aCopiedBinaryRunFromAnyFolderMakesTheDefaultWorkspace() throws {
        let folder = TemporaryFolder("installed")
        defer { folder.remove() }
        let binary = folder.file("bin/tandem")
        try FileManager.default.createDirectory(atPath: folder.file("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLIHarness.binary, toPath: binary)
        try FileManager.default.createDirectory(atPath: folder.file("elsewhere"), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["list", "customers", "--limit", "3"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.file("elsewhere"))
        var environment = ProcessInfo.processInfo.environment
        for key in ["TANDEM_WORKSPACE", "TANDEM_SAMPLE_DATA"] { environment[key] = nil }
        environment["XDG_DATA_HOME"] = folder.file("data")
        process.environment = environment
        let errors = Pipe(), output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(err)")
        #expect(err.contains("from the sample data built into tandem"), "\(err)")
        #expect(out.split(separator: "\n").count >= 4, "\(out)")
        #expect(FileManager.default.fileExists(atPath: folder.file("data/tandem/default/erp.sqlite")))
    }
}
