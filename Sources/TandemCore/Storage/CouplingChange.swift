/// One change to the couplings or the creation intents. A store checks each against what is stored
/// inside the transaction that writes it, so two processes can never both couple one record; a
/// refused change writes nothing of its own and the others in the commit still land.
public enum CouplingChange: Sendable {
    /// Couples a new pair. Refused when either record is coupled already, or claimed by another
    /// job's creation intent.
    case claim(Coupling)
    /// Stores a pair's new state. Refused when the pair is gone or its row moved since it was read
    /// (`Coupling.version`).
    case update(Coupling)
    /// Removes a pair. Refused when it is no longer this pair.
    case remove(CouplingPair)
    /// Removes the `old` pairs (refused if one is no longer that pair) and claims `new`, all or nothing.
    case replace(old: [CouplingPair], new: Coupling)
    /// Writes down a record about to be created, claiming its source record: refused when another
    /// intent claims the source, or the source is coupled (other than in `replacing`, the pair a
    /// restore re-creates).
    case intend(CreationIntent, replacing: CouplingPair?)
    /// Ends an intent: removes it (refused when it is gone: someone else ended it) and, when given,
    /// replaces `replacing` by `coupling`, both or neither.
    case resolve(CreationIntent, coupling: Coupling?, replacing: CouplingPair?)
}
