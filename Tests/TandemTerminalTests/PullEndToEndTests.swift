import Foundation
import Testing
import TandemEmulator

/// The screens on a workspace whose ERP lives in Business Central (the emulator, over real HTTP):
/// `P` pulls it, and the customers someone created there appear on the list.
@Suite(.serialized, .enabled(if: TmuxSession.available)) struct PullEndToEndTests {
    /// Runs the built binary to its end (setting up the workspace), with `environment` added.
    func tandem(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func pressingPPullsBusinessCentralOntoTheCustomerList() throws {
        let emulator = BusinessCentralEmulator()
        try emulator.start()
        defer { emulator.stop() }
        try emulator.insertCustomer(["number": .string("C90001"), "displayName": .string("Pulled Through The Screen")])
        let session = try TmuxSession()
        let workspace = session.folder.file("connected")
        let credentials = ["TANDEM_ERP_TENANT_ID": emulator.tenant, "TANDEM_ERP_CLIENT_ID": "tandem-client",
                           "TANDEM_ERP_CLIENT_SECRET": "tandem-secret", "TANDEM_AUTHORITY_URL": emulator.authorityURL.absoluteString]
        #expect(try tandem(["init", "--empty", "--workspace", workspace], environment: [:]) == 0)
        #expect(try tandem(["connect", "erp", "business-central", emulator.baseURL.absoluteString, "--company", emulator.companyID,
                            "--workspace", workspace], environment: [:]) == 0)

        let assignments = credentials.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try session.type("\(assignments) '\(TmuxSession.binary)' --workspace '\(workspace)'")
        try session.press("Enter")
        let (started, first) = session.wait { $0.contains("ERP in Business Central · Customer · 0") }
        try #require(started, "no empty list:\n\(first)")
        try session.press("P")
        // The rows come first and the counts after them (the titles show "…" meanwhile).
        let (pulled, screen) = session.wait {
            $0.contains("Pulled Customer: 1 new, 0 changed, 0 deleted.") && $0.contains("Pulled Through The Screen") && !$0.contains("· …")
        }
        #expect(pulled, "the pull did not reach the list:\n\(screen)")
        #expect(screen.contains("ERP in Business Central · Customer · 1") && screen.contains("CRM · account · 0"))
        #expect(!screen.contains("tandem-secret"))
        try session.press("q")
        #expect(session.wait { !$0.contains("Business Central · Customer") }.0)
    }
}
