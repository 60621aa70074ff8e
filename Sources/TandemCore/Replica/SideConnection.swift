/// Where a side lives when it is not the embedded database: the kind of service ("business-central",
/// "dataverse"), its API URL and (Business Central) the company id. Never a credential: those come
/// from the environment each time.
public struct SideConnection: Sendable, Equatable {
    public var kind: String
    public var url: String
    public var company: String
    public var connectedAt: Timestamp

    public init(kind: String, url: String, company: String = "", connectedAt: Timestamp) {
        self.kind = kind
        self.url = url
        self.company = company
        self.connectedAt = connectedAt
    }
}
