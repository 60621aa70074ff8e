import Testing
import TandemCore
import TandemViewModel

/// Each coupling mark is drawn in its own role (outside the cursor and selection rows), so a mark in
/// the normal style fails here as well as in the style goldens.
@Suite struct CouplingMarkStyleTests {
    static let roles: [String: StyleRole] = ["✓": .coupled, "✎": .changed, "↷": .skipped, "✗": .failed]

    @Test func everyMarkOnTheCustomersPageHasItsRole() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let frame = harness.model.frame
        var seen: Set<String> = []
        for row in 4..<(frame.size.height - 2) {
            for column in [1, frame.size.width / 2 + 1] {
                let cell = frame[row, column]
                guard let role = Self.roles[cell.text] else { continue }
                seen.insert(cell.text)
                #expect(cell.style == role, "\(cell.text) at row \(row), column \(column)")
            }
        }
        #expect(seen.contains("✓"))
    }
}
