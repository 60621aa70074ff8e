/// One row of the binding table.
public struct Binding: Sendable {
    public var keys: [Key]
    public var command: Command
    /// Short text for the key hints line; nil keeps the binding out of the hints (help still lists it).
    public var hint: String?
    /// The sentence help shows.
    public var help: String
    public var contexts: [Context]
    /// How long the hint stays when the hint line is too narrow: the lowest goes first (ties: the later
    /// in the table). Help and the way out (quit, back, cancel) always stay.
    public var hintRank: Int = 5

    /// The keys as help shows them; a run of three or more digit keys reads "1–9".
    public var keyText: String {
        let digits = keys.compactMap { key -> Int? in
            guard case .character(let character) = key else { return nil }
            return character.wholeNumberValue
        }
        if digits.count == keys.count, digits.count > 2, let first = digits.first, let last = digits.last {
            return "\(first)–\(last)"
        }
        return keys.map(\.description).joined(separator: " ")
    }
}
