import Foundation
import Testing
import TandemCore
import TandemPostgres
import TandemTestSupport
@testable import TandemSQLite

/// The storage implementations the engine can run on, each made fresh for one test. PostgreSQL joins
/// when `TANDEM_TEST_POSTGRES_URL` names a server (`.ci/run` starts one); each test gets a database of
/// its own there.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqlite, postgres

    static var allCases: [Backend] { TemporaryPostgresDatabase.serverURL == nil ? [.memory, .sqlite] : [.memory, .sqlite, .postgres] }

    var testDescription: String { rawValue }

    struct Made {
        let workspace: Workspace
        let clock: ManualClock
        let cleanUp: @Sendable () -> Void
        func customers() throws -> any RecordSource { try workspace.table("Customer", on: .erp) }
        func erpContacts() throws -> any RecordSource { try workspace.table("Contact", on: .erp) }
        func crmContacts() throws -> any RecordSource { try workspace.table("contact", on: .crm) }
    }

    func make() throws -> Made {
        let clock = ManualClock()
        switch self {
        case .memory:
            let erp = StandardTables.tables(on: .erp).map { InMemoryRecordSource(schema: $0, clock: clock) }
            let crm = StandardTables.tables(on: .crm).map { InMemoryRecordSource(schema: $0, clock: clock) }
            return Made(workspace: Workspace(store: InMemoryWorkspaceStore(), erpTables: erp, crmTables: crm, clock: clock),
                        clock: clock, cleanUp: {})
        case .sqlite:
            let folder = TemporaryFolder()
            return Made(workspace: try SQLiteWorkspace.create(at: folder.path, clock: clock).workspace, clock: clock,
                        cleanUp: { folder.remove() })
        case .postgres:
            let database = try TemporaryPostgresDatabase()
            let opened = try PostgresWorkspace.open(database.address, clock: clock)
            return Made(workspace: opened.workspace, clock: clock, cleanUp: { database.drop() })
        }
    }
}
