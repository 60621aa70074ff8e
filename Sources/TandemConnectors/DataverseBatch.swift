import Foundation

/// A Dataverse `$batch` on the wire (execute-batch-operations-using-web-api.md; OData 4.0 Part 1
/// §11.7): the request body with each operation in a change set of its own, and the answers read back
/// from the `multipart/mixed` response, one per change set, in order.
enum DataverseBatch {
    /// One operation of a change set.
    struct Operation: Equatable {
        var method: String
        /// Absolute URL of the resource.
        var url: String
        var headers: [String: String]
        var body: Data?
    }

    /// The body of a batch holding `operations`, each in its own change set with `Content-ID` n+1.
    static func body(_ operations: [Operation], boundary: String) -> Data {
        var text = ""
        for (index, operation) in operations.enumerated() {
            let changeSet = "changeset_\(boundary)_\(index + 1)"
            text += "--\(boundary)\r\nContent-Type: multipart/mixed; boundary=\(changeSet)\r\n\r\n"
            text += "--\(changeSet)\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: \(index + 1)\r\n\r\n"
            text += "\(operation.method) \(operation.url) HTTP/1.1\r\n"
            var headers = operation.headers
            if let body = operation.body {
                headers["Content-Type"] = "application/json; type=entry"
                // A third-party client saw Dataverse fail writes without it ("stream not readable").
                headers["Content-Length"] = String(body.count)
            }
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
            text += "\r\n"
            if let body = operation.body { text += String(decoding: body, as: UTF8.self) }
            text += "\r\n--\(changeSet)--\r\n"
        }
        text += "--\(boundary)--\r\n"
        return Data(text.utf8)
    }

    /// The answers of a batch response, one per top-level part: a change set that succeeded gives the
    /// answer inside it, one that failed its single error answer. Nil when the body is not a
    /// `multipart/mixed` message.
    static func answers(_ response: HTTPResponse) -> [HTTPResponse]? {
        guard let outer = boundary(response.headers["content-type"]),
              let parts = parts(String(decoding: response.body, as: UTF8.self), boundary: outer) else { return nil }
        var answers: [HTTPResponse] = []
        for part in parts {
            if let inner = boundary(part.headers["content-type"]) {
                guard let operations = self.parts(part.content, boundary: inner), operations.count == 1,
                      let answer = message(operations[0].content) else { return nil }
                answers.append(answer)
            } else {
                guard let answer = message(part.content) else { return nil }
                answers.append(answer)
            }
        }
        return answers
    }

    // MARK: Multipart reading

    private struct Part {
        var headers: [String: String]
        var content: String
    }

    private static func boundary(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/mixed" else { return nil }
        guard let parameter = pieces.dropFirst().first(where: { $0.lowercased().hasPrefix("boundary=") }) else { return nil }
        let value = parameter.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return value.isEmpty ? nil : value
    }

    /// The parts between `--boundary` lines, up to `--boundary--`; nil without the closing line.
    private static func parts(_ text: String, boundary: String) -> [Part]? {
        var parts: [Part] = []
        var current: [String]?
        for line in lines(text) {
            // A delimiter line starts with "--" (RFC 2046 §5.1.1); only those need a closer look.
            guard line.utf8.starts(with: "--".utf8) else {
                current?.append(line)
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "--" + boundary || trimmed == "--" + boundary + "--" {
                if let current { parts.append(part(current)) }
                if trimmed.hasSuffix(boundary + "--") { return parts }
                current = []
            } else {
                current?.append(line)
            }
        }
        return nil
    }

    private static func part(_ lines: [String]) -> Part {
        let blank = lines.firstIndex(of: "") ?? lines.count
        return Part(headers: headers(lines[..<blank]),
                    content: blank < lines.count ? lines[(blank + 1)...].joined(separator: "\n") : "")
    }

    /// An `application/http` response: status line, headers, blank line, body.
    private static func message(_ content: String) -> HTTPResponse? {
        let all = lines(content)
        guard let start = all.firstIndex(where: { !$0.isEmpty }) else { return nil }
        let words = all[start].split(separator: " ")
        guard words.count >= 2, words[0].hasPrefix("HTTP/"), let status = Int(words[1]) else { return nil }
        let blank = all[start...].firstIndex(of: "") ?? all.count
        let body = blank < all.count ? all[(blank + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return HTTPResponse(status: status, headers: headers(all[(start + 1)..<blank]), body: Data(body.utf8))
    }

    /// The lines of `text` without their LF or CRLF, found in its UTF-8 bytes (a batch answer holds a
    /// thousand lines per hundred records; walking Characters or scalars cost more than the request).
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

    /// Header lines as a dictionary with lower-case names.
    private static func headers(_ lines: ArraySlice<String>) -> [String: String] {
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[trimmed(line[..<colon]).lowercased()] = trimmed(line[line.index(after: colon)...])
        }
        return fields
    }

    /// `text` without the spaces and tabs around it (all a header line may carry there).
    private static func trimmed(_ text: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text[first...last])
    }
}
