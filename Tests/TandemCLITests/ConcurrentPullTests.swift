import Foundation
import Testing
import TandemEmulator
import TandemTestSupport

/// Two `tandem pull` processes on one shared workspace at once: they take turns page by page, both
/// end well, and every account is in the replica once.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ConcurrentPullTests {
    @Test(.enabled(if: TemporaryPostgresDatabase.serverURL != nil))
    func twoPullsOfOneTableAtOnceBothEndWellAndStoreEachAccountOnce() throws {
        let emulator = DataverseEmulator()
        try emulator.start()
        defer { emulator.stop() }
        emulator.seedAccounts(count: 6_000)
        let place = try WorkspacePlace(.postgres)
        defer { place.remove() }
        let environment = ["TANDEM_CRM_TENANT_ID": emulator.tenant, "TANDEM_CRM_CLIENT_ID": "tandem-client",
                           "TANDEM_CRM_CLIENT_SECRET": "tandem-secret", "TANDEM_AUTHORITY_URL": emulator.authorityURL.absoluteString]
        #expect(try place.run("init", "--empty").status == 0)
        #expect(try place.run(["connect", "crm", "dataverse", emulator.baseURL.absoluteString], environment: environment).status == 0)
        let pulls = try (1...2).map { try place.start(["pull"], output: place.file("pull-\($0).log"), environment: environment) }
        for pull in pulls { pull.waitUntilExit() }
        for (index, pull) in pulls.enumerated() {
            let log = (try? String(contentsOfFile: place.file("pull-\(index + 1).log"), encoding: .utf8)) ?? ""
            #expect(pull.terminationStatus == 0, "\(log)")
        }
        let export = place.file("accounts.csv")
        #expect(try place.run("export", "crm", "account", export).status == 0)
        let ids = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false)[0] }
        #expect(ids.count == 6_000 && Set(ids).count == 6_000)
    }
}
