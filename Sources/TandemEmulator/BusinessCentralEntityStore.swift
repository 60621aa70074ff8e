import Foundation

/// The rows of one entity of the emulated company (`customers`, `salespeoplePurchasers`), with
/// Business Central's rules for API v2.0 (interop.md §1.2, §1.4, §1.6): the service assigns `id`; the
/// key (`number`, `code`) comes from the request or, for customers, a number series; duplicate keys
/// and blank customer names are refused; every write gets a new ETag and a new
/// `lastModifiedDateTime`; a customer's `currencyCode` goes through the LCY translation. Not
/// thread-safe on its own: the emulator serializes access.
final class BusinessCentralEntityStore {
    struct Row {
        let seq: Int
        var fields: [String: JSONValue]
        var rowVersion: Int
        var modified: Int64
    }

    typealias Kind = BusinessCentralEntityType.Kind

    static let emptyGUID = "00000000-0000-0000-0000-000000000000"

    let type: BusinessCentralEntityType
    let localCurrency: String
    private(set) var rows: [String: Row] = [:]
    private var byNumber: [String: String] = [:]
    private var nextSeq = 1
    private var nextRowVersion = 1_000
    private var nextNumber = 1
    private var lastModified: Int64 = 0
    /// Currency codes the company knows, with their ids (created on first use).
    private var currencies: [String: String] = [:]

    init(type: BusinessCentralEntityType, localCurrency: String) {
        self.type = type
        self.localCurrency = localCurrency
    }

    // MARK: Reads

    /// Rows in stable order (creation order), for paging.
    var ordered: [Row] { rows.values.sorted { $0.seq < $1.seq } }

    /// The API view of one row: LCY translation applied, annotations added by the caller.
    func entity(_ row: Row) -> [String: JSONValue] {
        var view = row.fields
        view["lastModifiedDateTime"] = .string(ODataTimestamp.milliseconds(row.modified))
        guard type.translatesCurrency else { return view }
        let stored = view["currencyCode"]?.stringValue ?? ""
        view["currencyCode"] = .string(stored.isEmpty ? localCurrency : stored)
        view["currencyId"] = .string(stored.isEmpty ? Self.emptyGUID : currencyID(stored))
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

    /// Creates a row from a POST body.
    func create(_ body: [String: JSONValue], now: Date = Date()) throws(ODataServiceError) -> Row {
        var fields = try validated(body, creating: true)
        if let required = type.requiredText {
            let text = fields[required]?.stringValue ?? ""
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw blank(required) }
        }
        var number = fields[type.keyProperty]?.stringValue ?? ""
        if number.isEmpty {
            guard let series = type.numberSeries else {
                throw ODataServiceError(status: 400, code: "Application_FieldValidationException",
                                        message: "\(type.keyCaption) must have a value in \(type.tableCaption): \(type.keyCaption)=''. It cannot be zero or empty.")
            }
            repeat {
                number = String(format: series, nextNumber)
                nextNumber += 1
            } while byNumber[number] != nil
        }
        guard byNumber[number] == nil else { throw duplicate(number) }
        fields[type.keyProperty] = .string(number)
        for (property, kind) in type.writable where fields[property] == nil {
            switch kind {
            case .text: fields[property] = .string("")
            case .choice(let values): fields[property] = .string(values[0])
            case .decimal: fields[property] = .number(0)
            case .boolean: fields[property] = .bool(false)
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
        if let required = type.requiredText, let text = changes[required]?.stringValue,
           text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw blank(required)
        }
        if let number = changes[type.keyProperty]?.stringValue, number != row.fields[type.keyProperty]?.stringValue {
            guard byNumber[number] == nil else { throw duplicate(number) }
            if let old = row.fields[type.keyProperty]?.stringValue { byNumber[old] = nil }
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
        if let number = row.fields[type.keyProperty]?.stringValue { byNumber[number] = nil }
    }

    // MARK: Rules

    private func validated(_ body: [String: JSONValue], creating: Bool) throws(ODataServiceError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for (key, value) in body {
            if key.hasPrefix("@odata.") { continue }
            if type.readOnly.contains(key) {
                // The page's id is not editable and OnNewRecord clears SystemId (interop.md §1.6): ignored.
                continue
            }
            guard let kind = type.writable[key] else {
                throw ODataServiceError(status: 400, code: "BadRequest_PropertyNotFound",
                                        message: "The property '\(key)' does not exist on type 'Microsoft.NAV.\(type.typeName)'. Make sure to only use property names that are defined by the type.")
            }
            switch (kind, value) {
            case (.text(let length), .string(let text)):
                guard text.count <= length else {
                    throw ODataServiceError(status: 400, code: "Application_StringExceededLength",
                                            message: "The length of the string is \(text.count), but it must be less than or equal to \(length) characters. Value: \(text)")
                }
                fields[key] = .string(key == type.keyProperty ? text.uppercased() : text)
            case (.choice(let values), .string(let text)):
                guard values.contains(text) else {
                    throw ODataServiceError(status: 400, code: "BadRequest_InvalidRequestBody",
                                            message: "The requested value '\(text)' for '\(key)' is not valid.")
                }
                fields[key] = value
            case (.decimal, .number), (.boolean, .bool):
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
        if type.translatesCurrency, let code = fields["currencyCode"]?.stringValue {
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
    private func blank(_ property: String) -> ODataServiceError {
        ODataServiceError(status: 400, code: "Application_InvalidFieldValue", message: "The blank \"\(property)\" is not allowed.")
    }
    private func duplicate(_ number: String) -> ODataServiceError {
        ODataServiceError(status: 400, code: "Internal_EntityWithSameKeyExists",
                          message: "The record in table \(type.tableCaption) already exists. Identification fields and values: \(type.keyCaption)='\(number)'")
    }
}
