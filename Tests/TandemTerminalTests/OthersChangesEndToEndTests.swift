import Foundation
import Testing

/// Another process writes to the workspace the terminal shows: the idle screen reads it again.
@Suite(.serialized, .enabled(if: TmuxSession.available)) struct OthersChangesEndToEndTests {
    @Test func anEditMadeByAnotherProcessAppearsOnTheIdleList() throws {
        let session = try TmuxSession()
        try session.type("'\(TmuxSession.binary)'")
        try session.press("Enter")
        let (started, first) = session.wait { $0.contains("ERP · Customer · 160") && $0.contains("CRM · account · 170") }
        try #require(started, "no list:\n\(first)")
        #expect(first.contains("São Paulo") && !first.contains("Idlewild"))
        let other = Process()
        other.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        other.arguments = ["set", "C00260", "City=Idlewild"]
        other.environment = ["TANDEM_WORKSPACE": session.workspace, "HOME": session.folder.path]
        other.standardOutput = FileHandle.nullDevice
        try other.run()
        other.waitUntilExit()
        #expect(other.terminationStatus == 0)
        // No key is pressed: the list looks again once it has been idle a few seconds.
        let (seen, screen) = session.wait(for: "Idlewild", timeout: 30)
        #expect(seen, "\(screen)")
        try session.press("q")
    }
}
