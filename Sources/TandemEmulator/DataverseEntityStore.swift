import Foundation

/// The rows of one table of the emulated Dataverse organization (`accounts`, `contacts`), with the Web
/// API v9.2 rules interop.md §2.2–2.6 collects: the client may choose the primary key; every write takes
/// the next organization-wide `versionnumber` (the ETag is `W/"<versionnumber>"`, limits-and-reliability.md
/// and Microsoft's conditional-operations page: `W/"468026"`); string lengths are checked as the table's
/// metadata gives them; `creditlimit` is Money; lookups are bound with `<navigation>@odata.bind` and
/// checked against their target; deletions leave a tombstone so change tracking can report them.
/// Change sets roll back through an undo journal. Not thread-safe on its own: the emulator serializes access.
final class DataverseEntityStore {
    struct Row {
        let seq: Int
        var fields: [String: JSONValue]
        var version: Int64
        let created: Int64
        var modified: Int64
    }

    struct Tombstone {
        let id: String
        let version: Int64
    }

    /// The organization's currencies: id, ISO code and name. The first is the base currency.
    typealias Currency = (id: String, code: String, name: String)

    let type: DataverseEntityType
    /// The annotation naming the table a lookup's value points into.
    static let logicalNameAnnotation = "@Microsoft.Dynamics.CRM.lookuplogicalname"
    /// Money's documented range for `creditlimit`.
    static let maximumMoney: Decimal = 100_000_000_000_000

    let currencies: [Currency]
    private(set) var rows: [String: Row] = [:]
    private(set) var tombstones: [Tombstone] = []
    private var nextSeq = 1
    /// The organization-wide row version, shared by every table.
    private let versions: DataverseRowVersions
    /// Whether the record a lookup binds exists: (entity set, id). Set by the emulator once every
    /// table's store exists (a contact's company may be another contact).
    var targetExists: (String, String) -> Bool = { _, _ in false }
    /// The calling user, who owns what is created without an owner (the emulator's application user).
    var callingUser: String?
    private var lastModified: Int64 = 0
    /// Undo entries of the open change set: the row as it was before (nil: it did not exist), and how
    /// many tombstones there were.
    private var journal: (rows: [(id: String, before: Row?)], tombstones: Int)?

    init(type: DataverseEntityType, currencies: [Currency], versions: DataverseRowVersions) {
        self.type = type
        self.currencies = currencies
        self.versions = versions
    }

    /// The newest row version handed out in the organization.
    var version: Int64 { versions.current }

    // MARK: Reads

    /// Rows in creation order, the stable order server paging walks.
    var ordered: [Row] { rows.values.sorted { $0.seq < $1.seq } }

    func row(id: String) -> Row? { rows[id.lowercased()] }

    func etag(_ row: Row) -> String { "W/\"\(row.version)\"" }

    /// The entity as the Web API returns it, with `@odata.etag`.
    func entity(_ row: Row) -> [String: JSONValue] {
        var view = row.fields
        for (name, _) in type.writable where view[name] == nil { view[name] = .null }
        // A lookup's value comes with the logical name of the table it points into: the one its bind
        // named, or (a value the service set itself, as the base currency) the lookup's first target.
        for lookup in type.lookups {
            let value = view[lookup.valueProperty] ?? .null
            view[lookup.valueProperty] = value
            let annotation = lookup.valueProperty + Self.logicalNameAnnotation
            if value == .null {
                view[annotation] = nil
            } else if view[annotation] == nil {
                view[annotation] = .string(lookup.targetLogicalName)
            }
        }
        for (name, compose) in type.computed { view[name] = compose(row.fields) }
        view["modifiedon"] = .string(ODataTimestamp.seconds(row.modified))
        view["createdon"] = .string(ODataTimestamp.seconds(row.created))
        view["versionnumber"] = .number(Decimal(row.version))
        view["@odata.etag"] = .string(etag(row))
        return view
    }

    func currencyID(code: String) -> String? { currencies.first { $0.code == code.uppercased() }?.id }

    // MARK: Writes

    /// Creates a record with `id` from a request body.
    func create(id: String, _ body: [String: JSONValue], now: Date = Date()) throws(ODataServiceError) -> Row {
        let key = id.lowercased()
        var fields = try validated(body)
        fields[type.idAttribute] = .string(key)
        if type.hasState, fields["statecode"] == nil { fields["statecode"] = .number(0) }
        for (name, kind) in type.writable where fields[name] == nil {
            if case .boolean = kind { fields[name] = .bool(false) }
        }
        if let required = type.lookups.first(where: { $0.navigation == type.requiredLookup }),
           fields[required.valueProperty] == nil, let callingUser {
            // A row created without an owner is owned by the calling user (the `ownerid` documentation).
            fields[required.valueProperty] = .string(callingUser)
            fields[required.valueProperty + Self.logicalNameAnnotation] = .string(required.targetLogicalName)
        }
        // Dataverse gives a record with a money value a transaction currency when none is set
        // (its currency documentation). Unverified: whether the calling user's own currency is preferred
        // over the base currency; the emulator uses the base currency.
        if let money = fields["creditlimit"], money != .null, fields["_transactioncurrencyid_value"] == nil {
            fields["_transactioncurrencyid_value"] = .string(currencies[0].id)
        }
        let stamp = stamp(now)
        let row = Row(seq: nextSeq, fields: fields, version: bumpVersion(), created: stamp, modified: stamp)
        nextSeq += 1
        remember(key)
        rows[key] = row
        return row
    }

    /// Applies a PATCH body to an existing record.
    func update(id: String, _ body: [String: JSONValue], now: Date = Date()) throws(ODataServiceError) -> Row {
        let key = id.lowercased()
        guard var row = rows[key] else { throw notFound(id) }
        for (name, value) in try validated(body) { row.fields[name] = value }
        row.version = bumpVersion()
        row.modified = stamp(now)
        remember(key)
        rows[key] = row
        return row
    }

    func delete(id: String) throws(ODataServiceError) {
        let key = id.lowercased()
        guard rows[key] != nil else { throw notFound(id) }
        remember(key)
        rows[key] = nil
        tombstones.append(Tombstone(id: key, version: bumpVersion()))
    }

    /// Inserts `count` generated accounts (this store must be `accounts`): currencies in turn (every
    /// fifth without one), accented cities.
    func seed(count: Int, now: Date = Date()) {
        let cities = ["Antwerpen", "Barcelona", "København", "Düsseldorf", "Lyon", "Porto", "Zürich", "Ñuñoa"]
        for index in 0..<count {
            var body: [String: JSONValue] = [
                "name": .string("Seed Account \(nextSeq)"),
                "accountnumber": .string(String(format: "A%06d", nextSeq)),
                "address1_city": .string(cities[index % cities.count]),
                "address1_line1": .string("\(index + 1) Market Square"),
                "emailaddress1": .string("account\(nextSeq)@example.com"),
            ]
            // Every fifth has no currency, and so no credit limit: a money value would bring the base currency.
            if index % 5 != 4 {
                body["creditlimit"] = .number(Decimal(index % 40) * 500)
                body["transactioncurrencyid@odata.bind"] = .string("/transactioncurrencies(\(currencies[index % currencies.count].id))")
            }
            _ = try? create(id: UUID().uuidString.lowercased(), body, now: now)
        }
    }

    // MARK: Change sets

    /// Starts recording undo entries for a change set.
    func begin() { journal = ([], tombstones.count) }

    /// Keeps what the change set did.
    func commit() { journal = nil }

    /// Undoes everything since `begin()`. Row versions used meanwhile stay used, as a database's do.
    func rollback() {
        guard let journal else { return }
        for entry in journal.rows.reversed() { rows[entry.id] = entry.before }
        tombstones.removeLast(tombstones.count - journal.tombstones)
        self.journal = nil
    }

    private func remember(_ key: String) {
        journal?.rows.append((key, rows[key]))
    }

    // MARK: Rules

    private func validated(_ body: [String: JSONValue]) throws(ODataServiceError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for (key, value) in body {
            if let lookup = type.lookup(bind: key) {
                let id = try bound(value, lookup)
                if id == .null, lookup.navigation == type.requiredLookup {
                    // Unverified: the code and message; a row must keep its owner.
                    throw ODataServiceError(status: 400, code: "0x80040203",
                                            message: "Attribute \(lookup.navigation) cannot be set to NULL")
                }
                fields[lookup.valueProperty] = id
                fields[lookup.valueProperty + Self.logicalNameAnnotation] = id == .null ? .null : .string(lookup.targetLogicalName)
                continue
            }
            if key.hasPrefix("@") || key == type.idAttribute { continue }
            guard let kind = type.writable[key] else {
                // Unverified: the code; the message is the OData library's for an undeclared property.
                throw ODataServiceError(status: 400, code: "0x80060888",
                                        message: "The property '\(key)' does not exist on type 'Microsoft.Dynamics.CRM.\(type.logicalName)'. Make sure to only use property names that are defined by the type or mark the type as open type.")
            }
            switch (kind, value) {
            case (_, .null):
                fields[key] = .null
            case (.text(let length), .string(let text)):
                guard text.count <= length else {
                    // The shape of the documented example (execute-batch-operations-using-web-api.md).
                    throw ODataServiceError(status: 400, code: "0x80044331",
                                            message: "A validation error occurred.  The length of the '\(key)' attribute of the '\(type.logicalName)' entity exceeded the maximum allowed length of '\(length)'.")
                }
                // Unverified: Dataverse stores an empty string as null; reads then return null.
                fields[key] = text.isEmpty ? .null : .string(text)
            case (.money, .number(let amount)):
                guard amount >= 0, amount <= Self.maximumMoney else {
                    // Unverified: the message; the range is the attribute's documented one.
                    throw ODataServiceError(status: 400, code: "0x80044331",
                                            message: "A validation error occurred.  The value \(amount) of '\(key)' on record of type '\(type.logicalName)' is outside the valid range. Accepted Range: 0 to \(Self.maximumMoney)")
                }
                fields[key] = .number(amount)
            case (.boolean, .bool):
                fields[key] = value
            case (.state, .number(let state)):
                guard state == 0 || state == 1 else {
                    // Unverified: code and message for a state value the table does not have.
                    throw ODataServiceError(status: 400, code: "0x8004431a",
                                            message: "\(state) is not a valid state code on \(type.logicalName).")
                }
                fields[key] = .number(state)
            default:
                // Unverified: the message for a value of the wrong JSON type.
                throw ODataServiceError(status: 400, code: "0x80060888",
                                        message: "Cannot convert the literal '\(value.serialized())' to the expected type of '\(key)'.")
            }
        }
        return fields
    }

    /// The id a `<navigation>@odata.bind` names: `/<targetSet>(<id>)`, without the slash, or an absolute
    /// URL ending so; null disassociates.
    private func bound(_ value: JSONValue, _ lookup: DataverseLookup) throws(ODataServiceError) -> JSONValue {
        if value == .null { return .null }
        guard let text = value.stringValue, let open = text.range(of: lookup.targetSet + "("), text.hasSuffix(")") else {
            throw ODataServiceError(status: 400, code: "0x80060888",
                                    message: "The @odata.bind value '\(value.serialized())' is not a \(lookup.targetSet) reference.")
        }
        let id = String(text[open.upperBound..<text.index(before: text.endIndex)]).lowercased()
        guard targetExists(lookup.targetSet, id) else {
            // Unverified: the status of a lookup to a missing record (the code and message are those of a
            // retrieve of a missing record).
            throw ODataServiceError(status: 400, code: "0x80040217", message: "\(lookup.targetLogicalName) With Id = \(id) Does Not Exist")
        }
        return .string(id)
    }

    /// Moves the row version on without a write (the emulator's change-tracking cleanup): every version
    /// handed out so far is now older than the one returned.
    func advanceVersion() -> Int64 { bumpVersion() }

    private func bumpVersion() -> Int64 { versions.next() }

    /// A millisecond time strictly later than the last write's (`modifiedon` shows whole seconds).
    private func stamp(_ now: Date) -> Int64 {
        lastModified = max(ODataTimestamp.milliseconds(of: now), lastModified + 1)
        return lastModified
    }

    func notFound(_ id: String) -> ODataServiceError {
        ODataServiceError(status: 404, code: "0x80040217", message: "\(type.logicalName) With Id = \(id.lowercased()) Does Not Exist")
    }
}
