import Foundation
import Testing
import TandemViewModel

/// Compares a frame with `Golden/<name>.txt` beside this file: its text, then its style runs row by
/// row, so a mark or a cursor drawn in the wrong role fails as surely as a wrong character. With
/// TANDEM_RECORD_GOLDEN=1 in the environment the file is (re)written instead; review the diff before
/// committing it.
func expectGolden(_ frame: Frame, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = folder.appendingPathComponent("\(name).txt")
    let text = frame.text + "\n" + styleRuns(frame)
    if ProcessInfo.processInfo.environment["TANDEM_RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(text == expected, "frame differs from Golden/\(name).txt:\n\(text)", sourceLocation: sourceLocation)
}

/// The style section of a golden file: one line per row, `row: runs`, each run a role's letter (see
/// `StyleRole.letter`) and how many columns it covers, e.g. `3: C40 .1 c1 .38`.
func styleRuns(_ frame: Frame) -> String {
    var lines = ["-- styles"]
    for row in 0..<frame.size.height {
        var runs: [String] = []
        var current: Character?
        var count = 0
        for letter in frame.styleLine(row) {
            if letter == current {
                count += 1
                continue
            }
            if let current { runs.append("\(current)\(count)") }
            current = letter
            count = 1
        }
        if let current { runs.append("\(current)\(count)") }
        lines.append("\(row): " + runs.joined(separator: " "))
    }
    return lines.joined(separator: "\n") + "\n"
}
