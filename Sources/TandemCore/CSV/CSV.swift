

/// RFC 4180 CSV: double quotes around fields holding separators, quotes or line breaks, a quote inside
/// a quoted field doubled. The separator is the one the header line uses most outside quotes: a comma,
/// a semicolon (what Spanish and German Excel write) or a tab. UTF-8 only; a leading byte order mark
/// is ignored.
public enum CSV {
    /// The separators a file may use, in order of preference when the header uses several equally.
    static let separators: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    public static func parse(_ bytes: [UInt8], file: String) throws -> CSVTable {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        try requireUTF8(body, file: file)
        let separator = Self.separator(ofHeader: body)

        var records: [CSVTable.Row] = []
        var values: [String] = []
        var field: [UInt8] = []
        var line = 1, rowLine = 1
        var inQuotes = false, wasQuoted = false
        var index = body.startIndex
        func endField() {
            values.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRow() {
            endField()
            if !(values.count == 1 && values[0].isEmpty) { records.append(CSVTable.Row(line: rowLine, values: values)) }
            values.removeAll(keepingCapacity: true)
        }
        while index < body.endIndex {
            let byte = body[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < body.endIndex, body[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case separator:
                endField()
            case UInt8(ascii: "\r") where index < body.endIndex && body[index] == UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "\n"):
                endRow()
                line += 1
                rowLine = line
            case UInt8(ascii: "\""):
                guard field.isEmpty, !wasQuoted else {
                    throw CSVError(file: file, line: line, field: nil,
                                   message: tr("a quote inside an unquoted field; quote the whole field and double the quote"))
                }
                inQuotes = true
                wasQuoted = true
            default:
                if wasQuoted {
                    throw CSVError(file: file, line: line, message: tr("text after a closing quote"))
                }
                field.append(byte)
            }
        }
        if inQuotes { throw CSVError(file: file, line: rowLine, message: tr("a quoted field is never closed")) }
        if !field.isEmpty || !values.isEmpty || wasQuoted { endRow() }
        guard let header = records.first else { throw CSVError(file: file, line: 1, message: tr("the file is empty; expected a header row")) }
        return CSVTable(file: file, header: header.values, rows: Array(records.dropFirst()))
    }

    /// The separator the first line uses most outside quotes; a comma when it uses none.
    static func separator(ofHeader body: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        for byte in body {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && byte == UInt8(ascii: "\n") { break }
            if !inQuotes && separators.contains(byte) { counts[byte, default: 0] += 1 }
        }
        return separators.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) || ((counts[$0] ?? 0) == (counts[$1] ?? 0)
            && separators.firstIndex(of: $0) ?? 0 > separators.firstIndex(of: $1) ?? 0) } ?? UInt8(ascii: ",")
    }

    /// Names the line of the first byte sequence that is not UTF-8.
    private static func requireUTF8(_ bytes: ArraySlice<UInt8>, file: String) throws {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index <= bytes.endIndex {
            if index == bytes.endIndex || bytes[index] == UInt8(ascii: "\n") {
                if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil {
                    throw CSVError(file: file, line: line, message: tr("the text is not UTF-8; save the file as UTF-8"))
                }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    /// One field as CSV: quoted when it holds a comma, quote, line break or leading/trailing space.
    /// Looked for scalar by scalar: as characters, "\r\n" or a quote with a combining mark is neither.
    public static func escape(_ value: String) -> String {
        let scalars = value.unicodeScalars
        let needsQuotes = scalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || scalars.first == " " || scalars.last == " "
        guard needsQuotes else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in scalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append(scalar) }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// A whole file: header and rows, lines ended by `\n`.
    public static func encode(header: [String], rows: [[String]]) -> String {
        var text = header.map(escape).joined(separator: ",") + "\n"
        for row in rows { text += row.map(escape).joined(separator: ",") + "\n" }
        return text
    }
}
