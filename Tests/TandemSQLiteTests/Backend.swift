import Testing
import TandemCore
import TandemTestSupport
@testable import TandemSQLite

/// The storage implementations the engine can run on, each made fresh for one test.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqlite

    var testDescription: String { rawValue }

    struct Made {
        let workspace: Workspace
        let clock: ManualClock
        let folder: TemporaryFolder?
        func cleanUp() { folder?.remove() }
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
                        clock: clock, folder: nil)
        case .sqlite:
            let folder = TemporaryFolder()
            return Made(workspace: try SQLiteWorkspace.create(at: folder.path, clock: clock).workspace, clock: clock, folder: folder)
        }
    }
}
