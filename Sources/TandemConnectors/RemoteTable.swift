/// One table of a remote service (Business Central `customers`, Dataverse `accounts`, …), spoken to in
/// Tandem's field names. Every call may block on the network; retries after throttling, time-outs and
/// expired tokens happen inside, so a throw means the service could not be reached or kept failing.
public protocol RemoteTable: Sendable {
    /// The Tandem table this one fills ("Customer", "account").
    var tableName: String { get }
    /// Requests sent to the service and seconds spent waiting on its limits, since this table was made.
    var traffic: (requests: Int, secondsWaited: Double) { get }

    /// The first page of a pull (at most `pageSize` records, as the service allows).
    func firstPage(_ start: PullStart, pageSize: Int) throws -> PullPage
    /// The page behind a `PullNext.page` link.
    func nextPage(link: String, pageSize: Int) throws -> PullPage
    /// The records with these remote ids that exist.
    func records(remoteIDs: [String]) throws -> [RemoteRecord]
    /// The records with these numbers (`No.`; Business Central only, empty elsewhere).
    func records(numbers: [String]) throws -> [RemoteRecord]
    /// Every id the service holds (Business Central's way to see deletions, which `$filter` cannot).
    func allRemoteIDs() throws -> Set<String>
    /// Sends the writes (in `$batch` requests as large as the service allows) and returns one result
    /// per write, in order. A retried create never duplicates: see `RemoteWrite.create`.
    func write(_ writes: [RemoteWrite]) throws -> [RemoteWriteResult]
    /// The ISO code a blank currency code stands for in this service (Business Central's local
    /// currency), nil where blank means nothing else.
    func localCurrency() throws -> String?
}

extension RemoteTable {
    public func localCurrency() throws -> String? { nil }
}
