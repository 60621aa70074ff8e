import Foundation
import TandemConnectors
import TandemCore
import TandemSQLite
import TandemTestSupport

/// An empty workspace whose CRM `account` table is the replica of an in-memory service.
struct ReplicaFixture {
    let folder = TemporaryFolder("tandem-replica")
    let opened: SQLiteWorkspace
    let replica: SQLiteReplica
    let service = InMemoryService(tableName: "account")
    let carried = StandardTables.account.fieldNames

    init() throws {
        opened = try SQLiteWorkspace.create(at: folder.path)
        replica = try opened.replica("account", on: .crm)
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

    func remove() { folder.remove() }
}
