import Foundation
import Testing
import TandemCore
import TandemSampleData
import TandemSQLite
import TandemTestSupport

@Suite struct BuiltInSampleDataTests {
    @Test func theBuiltInCopyIsTheSampleDataFolder() throws {
        let names = SampleDataLoader.files.map(\.file) + [SampleDataLoader.couplingsFile]
        #expect(SampleFiles.names == names.sorted())
        for name in names {
            let onDisk = try #require(FileManager.default.contents(atPath: (sampleDataFolder() as NSString).appendingPathComponent(name)))
            #expect(SampleFiles.contents(of: name) == onDisk,
                    "\(name) differs from sample-data/: run scripts/embed-sample-data.py")
        }
    }

    @Test func aWorkspaceFromTheBuiltInCopyEqualsOneFromTheFolder() throws {
        let folder = TemporaryFolder("built-in")
        defer { folder.remove() }
        let (_, fromFolder) = try SampleDataLoader.load(from: sampleDataFolder(), into: folder.file("a"))
        let (_, builtIn) = try SampleDataLoader.load(from: .builtIn(label: "built in", files: SampleFiles.contents(of:)),
                                                     into: folder.file("b"))
        #expect(builtIn.records == fromFolder.records && builtIn.couplings == fromFolder.couplings)
        #expect(builtIn.couplings > 0 && builtIn.records.values.allSatisfy { $0 > 0 })
    }
}
