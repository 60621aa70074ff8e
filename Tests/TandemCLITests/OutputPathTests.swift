import Foundation
import Testing

/// The command line has one output path (`Console`): a bare `print` or a direct write to a standard
/// stream anywhere else would bypass the sanitising, so the sources are checked for them.
struct OutputPathTests {
    static let sources: String = {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("Sources/tandem").path
    }()

    @Test func everyTextLeavesThroughConsole() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.sources)?.allObjects as? [String])
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        let bypass = try Regex(#"(^|[^\w.])print\(|Swift\.print|FileHandle\.standard(Output|Error)|fputs|fwrite|putchar|\bstdout\b|\bstderr\b"#)
        for file in files where file != "Output/Console.swift" {
            let text = try String(contentsOfFile: (Self.sources as NSString).appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(bypass) && !line.contains("func print(") {
                Issue.record("\(file):\(number + 1) writes around Console: \(line)")
            }
        }
    }
}
