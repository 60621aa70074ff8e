import Foundation

/// Makes a side's `RemoteTable` when it is first needed, so commands that only read the replica work
/// offline and without credentials; a missing credential is reported by the first write or pull.
public final class RemoteTableProvider: @unchecked Sendable {
    /// What messages call the service ("Business Central", "Dataverse").
    public let serviceName: String
    private let make: @Sendable () throws -> any RemoteTable
    private let lock = NSLock()
    private var made: (any RemoteTable)?

    public init(serviceName: String, make: @escaping @Sendable () throws -> any RemoteTable) {
        self.serviceName = serviceName
        self.make = make
    }

    /// The table, made on first use and kept.
    public func table() throws -> any RemoteTable {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let table = try make()
        made = table
        return table
    }
}
