import TandemCore

/// A record as `--json` prints it.
struct RecordJSON: Encodable {
    var id: String
    var side: String
    var table: String
    var number: String?
    var name: String
    var modifiedAt: String
    var status: String?
    var fields: [String: String]
    var coupling: CouplingJSON?

    init(_ record: Record, schema: TableSchema, status: CouplingStatus? = nil, coupling: Coupling? = nil) {
        id = record.id.rawValue
        side = schema.side.rawValue
        table = schema.name
        number = schema.number(of: record)
        name = schema.name(of: record)
        modifiedAt = record.modifiedAt.iso8601
        self.status = status?.rawValue
        fields = Dictionary(uniqueKeysWithValues: schema.fieldNames.map { ($0, record[$0]) })
        self.coupling = coupling.map(CouplingJSON.init)
    }
}
