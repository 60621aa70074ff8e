import ArgumentParser
import Foundation
import TandemCore
import TandemSQLite

/// Finds the sample CSV files: `--sample`, else $TANDEM_SAMPLE_DATA, else a `sample-data/` folder
/// above the executable (a `swift run` from the repository) or above the current directory.
enum SampleDataLocator {
    static func find(_ explicit: String?) throws -> String {
        if let explicit { return explicit }
        if let chosen = ProcessInfo.processInfo.environment["TANDEM_SAMPLE_DATA"], !chosen.isEmpty { return chosen }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for start in [executable.deletingLastPathComponent(), URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var folder = start
            while folder.path != "/" {
                let candidate = folder.appendingPathComponent("sample-data")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(SampleDataLoader.files[0].file).path) {
                    return candidate.path
                }
                folder.deleteLastPathComponent()
            }
        }
        throw CommandError("Cannot find the sample data; pass --sample DIR or set TANDEM_SAMPLE_DATA.")
    }
}
