import Foundation
import TandemConnectors
import TandemCore
import TandemPostgres
import TandemSQLite
import TandemTestSupport

/// An empty workspace (a folder, or a PostgreSQL database) whose CRM `account` table is the replica
/// of an in-memory service.
struct ReplicaFixture {
    let folder = TemporaryFolder("tandem-replica")
    let database: TemporaryPostgresDatabase?
    let opened: any ReplicaHost
    let replica: any RecordReplica
    let service = InMemoryService(tableName: "account")
    let carried = StandardTables.account.fieldNames

    init(_ store: ReplicaStore = .folder) throws {
        switch store {
        case .folder:
            database = nil
            opened = try SQLiteWorkspace.create(at: folder.path)
        case .postgres:
            let database = try TemporaryPostgresDatabase()
            self.database = database
            opened = try PostgresWorkspace.open(database.address)
        }
        replica = try opened.replica("account", on: .crm)
    }

    /// The same workspace opened again, as another process would.
    func reopened() throws -> any ReplicaHost {
        if let database { return try PostgresWorkspace.open(database.address) }
        return try SQLiteWorkspace.open(at: folder.path, access: .reading)
    }

    func puller(pageSize: Int = 1000, scansForDeletions: Bool = false) -> ReplicaPuller {
        ReplicaPuller(replica: replica, remote: service, carriedFields: carried, scansForDeletions: scansForDeletions,
                      pageSize: pageSize)
    }

    /// The record source the engine would use for the table.
    func source(carrying fields: [String]? = nil) -> RemoteRecordSource {
        let service = self.service
        return RemoteRecordSource(replica: replica, carriedFields: fields ?? carried,
                                  remote: RemoteTableProvider(serviceName: "memory") { service })
    }

    /// Seeds the service with `count` accounts named "Account 00001"….
    @discardableResult
    func seed(_ count: Int) -> [String] {
        (1...count).map { index in
            let id = UUID().uuidString.lowercased()
            service.edit(id, ["name": String(format: "Account %05d", index), "address1_city": "Lyon"])
            return id
        }
    }

    func remove() {
        folder.remove()
        database?.drop()
    }
}
