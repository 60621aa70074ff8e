import Foundation
import TandemConnectors
import TandemCore
import TandemEmulator
import TandemSQLite
import TandemTestSupport

/// An empty workspace whose ERP lives in a Business Central emulator on a loopback port, reached with
/// client credentials through the real libcurl transport.
struct BusinessCentralFixture {
    let folder = TemporaryFolder("tandem-bc")
    let emulator: BusinessCentralEmulator
    let opened: SQLiteWorkspace
    let sleeper: RecordingSleeper

    /// `sleeper` records the waits asked for (and sleeps them only when a test needs real time to
    /// pass: the service-protection window).
    init(tokenLifetime: TimeInterval = 3599, requestLimit: Int = 6_000, requestWindow: TimeInterval = 300,
         offersSalespeople: Bool = true, sleeper: RecordingSleeper = RecordingSleeper()) throws {
        self.sleeper = sleeper
        emulator = BusinessCentralEmulator(tokenLifetime: tokenLifetime, requestLimit: requestLimit, requestWindow: requestWindow,
                                           offersSalespeople: offersSalespeople)
        try emulator.start()
        opened = try SQLiteWorkspace.create(at: folder.path)
        try opened.setConnection(SideConnection(kind: "business-central", url: emulator.baseURL.absoluteString,
                                                company: emulator.companyID, connectedAt: Timestamp(Date())), on: .erp)
    }

    var environment: [String: String] {
        ["TANDEM_ERP_TENANT_ID": emulator.tenant, "TANDEM_ERP_CLIENT_ID": "tandem-client",
         "TANDEM_ERP_CLIENT_SECRET": "tandem-secret", "TANDEM_AUTHORITY_URL": emulator.authorityURL.absoluteString]
    }

    /// A fresh connection, as each `tandem` command makes one.
    func connect() throws -> ConnectedWorkspace {
        try ConnectedWorkspace.attach(opened, environment: environment, transport: CurlTransport(timeout: 10), sleeper: sleeper)
    }

    func customers() throws -> RemoteRecordSource {
        try FixtureError.require(try connect().services[.erp]?.sources["Customer"], "the Customer source")
    }

    func salespeople() throws -> RemoteRecordSource {
        try FixtureError.require(try connect().services[.erp]?.sources["Salesperson"], "the Salesperson source")
    }

    func remove() {
        emulator.stop()
        folder.remove()
    }
}
