import Foundation

/// The customers of the emulated company, with Business Central's rules for API v2.0 `customers`
/// (interop.md §1.2, §1.4, §1.6): the service assigns `id`; `number` comes from the request or a
/// number series; duplicate numbers and blank names are refused; every write gets a new ETag and a
/// new `lastModifiedDateTime`; `currencyCode` goes through the LCY translation. Not thread-safe on
/// its own: the emulator serializes access.
final class BusinessCentralCustomerStore {
    struct Row {
        let seq: Int
        var fields: [String: JSONValue]
        var rowVersion: Int
        var modified: Int64
    }

    /// The writable properties and their kinds. An enum's blank member is named `_x0020_` on the wire
    /// (OData's encoding of " "), as recorded v2.0 responses show for `blocked`.
    static let writable: [String: Kind] = [
        "number": .text(20), "displayName": .text(100), "type": .choice(["Company", "Person"]),
        "addressLine1": .text(100), "addressLine2": .text(50), "city": .text(30), "state": .text(30),
        "country": .text(10), "postalCode": .text(20), "phoneNumber": .text(30), "email": .text(80),
        "website": .text(80), "salespersonCode": .text(20), "creditLimit": .decimal,
        "currencyId": .guid, "currencyCode": .text(10), "blocked": .choice(["_x0020_", "Ship", "Invoice", "All"]),
    ]
    /// Properties the API returns but refuses to take.
    static let readOnly: Set<String> = ["id", "lastModifiedDateTime", "balanceDue"]
    /// Every property of the entity, in the documented order.
    static let properties = ["id", "number", "displayName", "type", "addressLine1", "addressLine2", "city", "state",
                             "country", "postalCode", "phoneNumber", "email", "website", "salespersonCode",
                             "balanceDue", "creditLimit", "currencyId", "currencyCode", "blocked", "lastModifiedDateTime"]

    enum Kind { case text(Int), choice([String]), decimal, guid }

    static let emptyGUID = "00000000-0000-0000-0000-000000000000"

    let localCurrency: String
    private(set) var rows: [String: Row] = [:]
    private var byNumber: [String: String] = [:]
    private var nextSeq = 1
    private var nextRowVersion = 1_000
    private var nextNumber = 1
    private var lastModified: Int64 = 0
    /// Currency codes the company knows, with their ids (created on first use).
    private var currencies: [String: String] = [:]

    init(localCurrency: String) {
        self.localCurrency = localCurrency
    }

    // MARK: Reads

    /// Rows in stable order (creation order), for paging.
    var ordered: [Row] { rows.values.sorted { $0.seq < $1.seq } }

    /// The API view of one row: LCY translation applied, annotations added by the caller.
    func entity(_ row: Row) -> [String: JSONValue] {
        var view = row.fields
        let stored = view["currencyCode"]?.stringValue ?? ""
        view["currencyCode"] = .string(stored.isEmpty ? localCurrency : stored)
        view["currencyId"] = .string(stored.isEmpty ? Self.emptyGUID : currencyID(stored))
        view["lastModifiedDateTime"] = .string(ODataTimestamp.milliseconds(row.modified))
        view["balanceDue"] = .number(0)
        return view
    }

    func etag(_ row: Row) -> String {
        // The shape seen on real services: base64 of '<length>;<row version>;00;' (interop.md §1.4).
        let version = String(row.rowVersion)
        let text = "'\(version.count + 18);\(String(repeating: "0", count: 18))\(version);00;'"
        return "W/\"\(Data(text.utf8).base64EncodedString())\""
    }

    func row(id: String) -> Row? { rows[id.lowercased()] }

    func count(where field: String, equals value: JSONValue) -> Int {
        rows.values.filter { entity($0)[field] == value }.count
    }

    // MARK: Writes

    /// Creates a customer from a POST body.
    func create(_ body: [String: JSONValue], now: Date = Date()) throws(ODataServiceError) -> Row {
        var fields = try validated(body, creating: true)
        let name = fields["displayName"]?.stringValue ?? ""
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw Self.blankName }
        var number = fields["number"]?.stringValue ?? ""
        if number.isEmpty {
            repeat {
                number = String(format: "C%05d", nextNumber)
                nextNumber += 1
            } while byNumber[number] != nil
        }
        guard byNumber[number] == nil else { throw Self.duplicate(number) }
        fields["number"] = .string(number)
        for (property, kind) in Self.writable where fields[property] == nil {
            switch kind {
            case .text: fields[property] = .string("")
            case .choice(let values): fields[property] = .string(values[0])
            case .decimal: fields[property] = .number(0)
            case .guid: break
            }
        }
        fields["currencyId"] = nil
        // Unverified: BC's SystemId is a random GUID; lower case as the API prints it.
        let id = UUID().uuidString.lowercased()
        fields["id"] = .string(id)
        let row = Row(seq: nextSeq, fields: fields, rowVersion: bumpVersion(), modified: stamp(now))
        nextSeq += 1
        rows[id] = row
        byNumber[number] = id
        return row
    }

    /// Applies a PATCH body to an existing row.
    func update(id: String, _ body: [String: JSONValue], now: Date = Date()) throws(ODataServiceError) -> Row {
        guard var row = rows[id.lowercased()] else { throw Self.notFound }
        let changes = try validated(body, creating: false)
        if let name = changes["displayName"]?.stringValue, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw Self.blankName
        }
        if let number = changes["number"]?.stringValue, number != row.fields["number"]?.stringValue {
            guard byNumber[number] == nil else { throw Self.duplicate(number) }
            if let old = row.fields["number"]?.stringValue { byNumber[old] = nil }
            byNumber[number] = row.fields["id"]?.stringValue
        }
        for (key, value) in changes where key != "currencyId" { row.fields[key] = value }
        row.rowVersion = bumpVersion()
        row.modified = stamp(now)
        rows[id.lowercased()] = row
        return row
    }

    func delete(id: String) throws(ODataServiceError) {
        guard let row = rows.removeValue(forKey: id.lowercased()) else { throw Self.notFound }
        if let number = row.fields["number"]?.stringValue { byNumber[number] = nil }
    }

    /// Inserts `count` generated customers quickly (one timestamp step each).
    func seed(count: Int, now: Date = Date()) {
        let cities = ["Antwerpen", "Barcelona", "København", "Düsseldorf", "Lyon", "Porto", "Zürich", "Ñuñoa"]
        for index in 0..<count {
            let body: [String: JSONValue] = [
                "displayName": .string("Seed Customer \(nextSeq)"),
                "city": .string(cities[index % cities.count]),
                "addressLine1": .string("\(index + 1) Main Street"),
                "email": .string("customer\(nextSeq)@example.com"),
                "creditLimit": .number(Decimal(index % 50) * 1000),
                "type": .string("Company"),
            ]
            _ = try? create(body, now: now)
        }
    }

    // MARK: Rules

    private func validated(_ body: [String: JSONValue], creating: Bool) throws(ODataServiceError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for (key, value) in body {
            if key.hasPrefix("@odata.") { continue }
            if Self.readOnly.contains(key) {
                // The page's id is not editable and OnNewRecord clears SystemId (interop.md §1.6): ignored.
                continue
            }
            guard let kind = Self.writable[key] else {
                throw ODataServiceError(status: 400, code: "BadRequest_PropertyNotFound",
                                        message: "The property '\(key)' does not exist on type 'Microsoft.NAV.customer'. Make sure to only use property names that are defined by the type.")
            }
            switch (kind, value) {
            case (.text(let length), .string(let text)):
                guard text.count <= length else {
                    throw ODataServiceError(status: 400, code: "Application_StringExceededLength",
                                            message: "The length of the string is \(text.count), but it must be less than or equal to \(length) characters. Value: \(text)")
                }
                fields[key] = .string(key == "number" ? text.uppercased() : text)
            case (.choice(let values), .string(let text)):
                guard values.contains(text) else {
                    throw ODataServiceError(status: 400, code: "BadRequest_InvalidRequestBody",
                                            message: "The requested value '\(text)' for '\(key)' is not valid.")
                }
                fields[key] = value
            case (.decimal, .number):
                fields[key] = value
            case (.guid, .string(let text)):
                guard UUID(uuidString: text) != nil else {
                    throw ODataServiceError(status: 400, code: "BadRequest_InvalidRequestBody", message: "Cannot convert '\(text)' to Edm.Guid.")
                }
                if key == "currencyId" {
                    if text == Self.emptyGUID {
                        fields["currencyCode"] = .string("")
                    } else {
                        guard let code = currencies.first(where: { $0.value == text.lowercased() })?.key else {
                            throw ODataServiceError(status: 400, code: "Internal_RecordNotFound",
                                                    message: "The Currency does not exist. Identification fields and values: Id='\(text)'")
                        }
                        fields["currencyCode"] = .string(code)
                    }
                }
            default:
                throw ODataServiceError(status: 400, code: "BadRequest_InvalidRequestBody",
                                        message: "Cannot read the value of '\(key)': it has the wrong JSON type.")
            }
        }
        // The LCY translation on write: the local currency's code is stored as blank.
        // Unverified: any other code is accepted; real BC checks it against its Currency table.
        if let code = fields["currencyCode"]?.stringValue {
            let upper = code.uppercased()
            if upper == localCurrency { fields["currencyCode"] = .string("") } else {
                fields["currencyCode"] = .string(upper)
                if !upper.isEmpty { _ = currencyID(upper) }
            }
        }
        return fields
    }

    private func currencyID(_ code: String) -> String {
        if let id = currencies[code] { return id }
        let id = UUID().uuidString.lowercased()
        currencies[code] = id
        return id
    }

    private func bumpVersion() -> Int {
        nextRowVersion += 1
        return nextRowVersion
    }

    /// A millisecond timestamp strictly later than the previous write's, so `gt` watermarks never tie.
    private func stamp(_ now: Date) -> Int64 {
        lastModified = max(ODataTimestamp.milliseconds(of: now), lastModified + 1)
        return lastModified
    }

    static let notFound = ODataServiceError(status: 404, code: "BadRequest_NotFound",
                                            message: "The requested resource was not found.")
    static let blankName = ODataServiceError(status: 400, code: "Application_InvalidFieldValue",
                                             message: "The blank \"displayName\" is not allowed.")
    static func duplicate(_ number: String) -> ODataServiceError {
        ODataServiceError(status: 400, code: "Internal_EntityWithSameKeyExists",
                          message: "The record in table Customer already exists. Identification fields and values: No.='\(number)'")
    }
}
