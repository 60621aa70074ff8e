import Foundation

/// `multipart/mixed` bodies as OData 4.0 batches use them (Part 1 §11.7, RFC 2046): parts separated by
/// `--boundary` lines and closed by `--boundary--`, each part a header block, a blank line and its
/// content; `application/http` parts hold one HTTP message. Lines end in CRLF when written; LF alone is
/// accepted when read.
enum MultipartMixed {
    /// One part: its headers and content.
    struct Part {
        var headers: HTTPHeaderFields
        var content: String
    }

    /// The `boundary` parameter of a `multipart/mixed` content type, or nil when it is another type.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/mixed" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The parts of `text`, or nil when the closing delimiter is missing.
    static func parts(_ text: String, boundary: String) -> [Part]? {
        let delimiter = "--" + boundary
        var parts: [Part] = []
        var current: [String]?
        for line in lines(text) {
            // A delimiter line starts with "--" (RFC 2046 §5.1.1); only those need a closer look.
            guard line.utf8.starts(with: "--".utf8) else {
                current?.append(line)
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == delimiter || trimmed == delimiter + "--" {
                if let current { parts.append(part(current)) }
                if trimmed == delimiter + "--" { return parts }
                current = []
            } else {
                current?.append(line)
            }
        }
        return nil
    }

    private static func part(_ lines: [String]) -> Part {
        var headers = HTTPHeaderFields()
        var index = 0
        while index < lines.count, !lines[index].isEmpty {
            if let colon = lines[index].firstIndex(of: ":") {
                headers.add(String(lines[index][..<colon]).trimmingCharacters(in: .whitespaces),
                            String(lines[index][lines[index].index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            }
            index += 1
        }
        let content = lines.count > index ? lines[(index + 1)...].joined(separator: "\r\n") : ""
        return Part(headers: headers, content: content)
    }

    /// An `application/http` request: method, target, headers, body; nil when the request line is not one.
    static func request(_ content: String) -> (method: String, target: String, headers: HTTPHeaderFields, body: String)? {
        let (head, body) = split(content)
        guard let requestLine = head.first else { return nil }
        let words = requestLine.split(separator: " ")
        guard words.count >= 2 else { return nil }
        return (String(words[0]).uppercased(), String(words[1]), headers(head.dropFirst()), body)
    }

    /// The part text of a message: start line, headers, blank line, content.
    static func message(startLine: String, headers: HTTPHeaderFields, body: Data) -> String {
        var text = startLine + "\r\n"
        for field in headers.fields { text += "\(field.name): \(field.value)\r\n" }
        return text + "\r\n" + String(decoding: body, as: UTF8.self)
    }

    /// The body: every part after its delimiter, then the closing delimiter.
    static func body(_ parts: [Part], boundary: String) -> String {
        var text = ""
        for part in parts {
            text += "--\(boundary)\r\n"
            for field in part.headers.fields { text += "\(field.name): \(field.value)\r\n" }
            text += "\r\n" + part.content + "\r\n"
        }
        return text + "--\(boundary)--\r\n"
    }

    private static func split(_ content: String) -> (head: [String], body: String) {
        let lines = lines(content)
        var start = 0
        while start < lines.count, lines[start].isEmpty { start += 1 }
        guard let blank = lines[start...].firstIndex(of: "") else { return (Array(lines[start...]), "") }
        let body = lines[(blank + 1)...].joined(separator: "\r\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (Array(lines[start..<blank]), body)
    }

    /// The lines of `text` without their LF or CRLF, found in its UTF-8 bytes (a batch of a thousand
    /// operations has ten thousand lines; walking scalars made parsing the emulator's main cost).
    private static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            func take(upTo end: Int) {
                let last = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self))
            }
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                take(upTo: index)
                start = index + 1
            }
            take(upTo: bytes.count)
            return lines
        }
    }

    private static func headers(_ lines: ArraySlice<String>) -> HTTPHeaderFields {
        var fields = HTTPHeaderFields()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.add(String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                       String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return fields
    }
}
