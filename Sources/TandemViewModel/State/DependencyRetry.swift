import TandemCore

/// What a finished synchronization can do about records that failed on a record they refer to that
/// is not coupled (a contact's company): couple those by match, then run the same synchronization again.
public struct DependencyRetry: Equatable, Sendable {
    public var dialog: SyncDialog
    public var choice: SyncChoice
    /// The failures that name (or whose records name) what is not coupled.
    public var problems: [RecordOutcome]
    /// The ERP tables of what they refer to (`Customer` for a contact's company, `Salesperson` for a
    /// customer's salesperson), for the words of the offer.
    public var referencedTables: [String] = []

    /// What the offer couples, in words: "companies", "salespeople", or both.
    public var referencedWords: String {
        let words = referencedTables.map { table in
            switch table {
            case "Customer": tr("companies")
            case "Salesperson": tr("salespeople")
            default: tr("the records they refer to")
            }
        }
        return words.isEmpty ? tr("the records they refer to") : words.joined(separator: tr(" and "))
    }
}
