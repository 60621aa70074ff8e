import Foundation
import TandemConnectors
import TandemCore
import TandemEmulator
import TandemSQLite
import TandemTestSupport

/// An empty workspace whose CRM lives in a Dataverse emulator on a loopback port (what
/// `tandem connect crm dataverse URL` stores), reached with client credentials through the real
/// libcurl transport.
struct DataverseFixture {
    let folder = TemporaryFolder("tandem-dv")
    let emulator: DataverseEmulator
    let opened: SQLiteWorkspace
    let sleeper: RecordingSleeper

    /// `sleeper` records the waits asked for (and sleeps them only when a test needs real time to
    /// pass: the service-protection window).
    init(tokenLifetime: TimeInterval = 3599, requestLimit: Int = 6_000, requestWindow: TimeInterval = 300,
         executionTimeLimit: TimeInterval = 1_200, secondsPerOperation: TimeInterval = 0, concurrentRequestLimit: Int = 52,
         sleeper: RecordingSleeper = RecordingSleeper()) throws {
        self.sleeper = sleeper
        emulator = DataverseEmulator(tokenLifetime: tokenLifetime, requestLimit: requestLimit, requestWindow: requestWindow,
                                     executionTimeLimit: executionTimeLimit, secondsPerOperation: secondsPerOperation,
                                     concurrentRequestLimit: concurrentRequestLimit)
        try emulator.start()
        opened = try SQLiteWorkspace.create(at: folder.path)
        try opened.setConnection(SideConnection(kind: "dataverse", url: emulator.baseURL.absoluteString,
                                                connectedAt: Timestamp(Date())), on: .crm)
    }

    var environment: [String: String] {
        ["TANDEM_CRM_TENANT_ID": emulator.tenant, "TANDEM_CRM_CLIENT_ID": "tandem-client",
         "TANDEM_CRM_CLIENT_SECRET": "tandem-secret", "TANDEM_AUTHORITY_URL": emulator.authorityURL.absoluteString]
    }

    /// A fresh connection, as each `tandem` command makes one.
    func connect() throws -> ConnectedWorkspace {
        try ConnectedWorkspace.attach(opened, environment: environment, transport: CurlTransport(timeout: 10), sleeper: sleeper)
    }

    func accounts() throws -> RemoteRecordSource {
        try FixtureError.require(try connect().services[.crm]?.sources["account"], "the account source")
    }

    func contacts() throws -> RemoteRecordSource {
        try FixtureError.require(try connect().services[.crm]?.sources["contact"], "the contact source")
    }

    func users() throws -> RemoteRecordSource {
        try FixtureError.require(try connect().services[.crm]?.sources["systemuser"], "the systemuser source")
    }

    /// `$batch` requests the emulator answered (or dropped) so far.
    var batches: [RequestLogEntry] { emulator.requestLog.filter { $0.path.hasSuffix("/$batch") } }

    func remove() {
        emulator.stop()
        folder.remove()
    }
}
