/// What a connected service means for one mapping, said on the mapping screen and by `tandem mappings`
/// rather than pretended away: a table the service does not carry (its records stay in the local side
/// database and are not written), or a mapped field its standard API has no property for (kept in
/// Tandem only, never sent).
public enum ConnectionNote: Equatable, Sendable {
    case tableNotCarried(side: Side, table: String, service: String)
    case fieldLacking(side: Side, field: String, service: String)

    /// The notes for `mapping`, ERP side first: a table not carried, else each field the service lacks.
    public static func notes(for mapping: TableMapping, sides: [Side: ConnectedSide]) -> [ConnectionNote] {
        Side.allCases.flatMap { side -> [ConnectionNote] in
            guard let connected = sides[side] else { return [] }
            let table = mapping.table(on: side)
            guard connected.service(of: table) != nil else {
                return [.tableNotCarried(side: side, table: table, service: connected.service)]
            }
            return mapping.fields.map { side == .erp ? $0.erpField : $0.crmField }.filter { connected.lacks($0, of: table) }
                .map { .fieldLacking(side: side, field: $0, service: connected.service) }
        }
    }

    /// The note that stops a pass from writing `mapping`'s records: the table it writes (both tables
    /// for a merge, `direction` nil) is one the connected service does not carry. `sync --all` and
    /// `watch` pass such a mapping by instead of failing on the table.
    public static func writeBlocked(for mapping: TableMapping, writing direction: SyncDirection?,
                                    sides: [Side: ConnectedSide]) -> ConnectionNote? {
        let written: [Side] = direction.map { [$0.destination] } ?? Side.allCases
        return notes(for: mapping, sides: sides).first { note in
            if case .tableNotCarried(let side, _, _) = note { written.contains(side) } else { false }
        }
    }

    /// The note in words, a field named by its caption on its side (the screens and `tandem mappings`
    /// say the same).
    public var text: String {
        switch self {
        case .tableNotCarried(let side, let table, let service):
            tr("{0} {1} is not connected to {2}: its records are read here and not written.", side.displayName, table, service)
        case .fieldLacking(let side, let field, let service):
            tr("{0}: {1}'s API has no such field; it is kept in Tandem only and never sent.", Captions.field(field, on: side), service)
        }
    }

    /// Whether this note is about `field` (its name on the note's side).
    public func concerns(_ field: FieldMapping) -> Bool {
        guard case .fieldLacking(let side, let name, _) = self else { return false }
        return name == (side == .erp ? field.erpField : field.crmField)
    }
}
