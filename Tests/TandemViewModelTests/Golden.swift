import Foundation
import Testing
import TandemViewModel

/// Compares a frame's text with `Golden/<name>.txt` beside this file. With TANDEM_RECORD_GOLDEN=1 in
/// the environment the file is (re)written instead; review the diff before committing it.
func expectGolden(_ frame: Frame, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = folder.appendingPathComponent("\(name).txt")
    let text = frame.text + "\n"
    if ProcessInfo.processInfo.environment["TANDEM_RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(text == expected, "frame differs from Golden/\(name).txt:\n\(text)", sourceLocation: sourceLocation)
}
