import Foundation
import TandemSampleData
import TandemSQLite

/// Chooses the sample CSV files: `--sample DIR`, else $TANDEM_SAMPLE_DATA, else the copy built into
/// this binary (so `tandem` copied anywhere still makes its default workspace).
enum SampleDataLocator {
    static func find(_ explicit: String?) -> SampleSource {
        if let explicit { return .folder(explicit) }
        if let chosen = ProcessInfo.processInfo.environment["TANDEM_SAMPLE_DATA"], !chosen.isEmpty { return .folder(chosen) }
        return .builtIn(label: tr("the sample data built into tandem"), files: SampleFiles.contents(of:))
    }
}
