/// Many rows sent as one statement argument: a JSON array read back by `jsonb_to_recordset`, so a
/// batch of thousands of rows is one statement instead of one round trip each, NULLs included
/// (which PostgresNIO's array bindings cannot carry).
struct PostgresRecordset {
    /// The columns, in order, with their SQL types.
    let columns: [(name: String, type: String)]
    private var json = "["
    private(set) var count = 0

    init(_ columns: [(name: String, type: String)]) { self.columns = columns }

    /// Adds a row: one value per column, in order.
    mutating func append(_ values: [PostgresValue]) {
        json += count == 0 ? "{" : ",{"
        for (index, (column, value)) in zip(columns, values).enumerated() {
            if index > 0 { json += "," }
            json += "\"\(column.name)\":"
            switch value {
            case .text(let text): Self.appendString(text, to: &json)
            case .integer(let number): json += String(number)
            case .null, .textArray: json += "null"
            }
        }
        json += "}"
        count += 1
    }

    /// The rows as a FROM item named `v`, with their order in `v.n`.
    var source: String {
        let typed = columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
        return "ROWS FROM (json_to_recordset(?::json) AS (\(typed))) WITH ORDINALITY AS v(\(columns.map(\.name).joined(separator: ", ")), n)"
    }

    /// The argument `source` takes.
    var argument: PostgresValue { .text(json + "]") }

    private static func appendString(_ text: String, to json: inout String) {
        json += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case _ where scalar.value < 0x20:
                json += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
