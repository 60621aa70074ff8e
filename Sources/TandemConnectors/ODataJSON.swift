import Foundation
import TandemCore

/// Reading and writing the JSON of OData payloads, the same in both services: a page's `value`,
/// `@odata.nextLink` and `@odata.deltaLink`, decimals read exactly, and bodies written from values.
enum ODataJSON {
    /// A response body as a JSON object, or a `malformedResponse` naming the service.
    static func object(_ response: HTTPResponse, service: String) throws -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] else {
            throw ConnectorError.malformedResponse(service: service, detail: "HTTP \(response.status) with a body that is not a JSON object")
        }
        return object
    }

    /// The rows of a collection response.
    static func rows(_ object: [String: Any], service: String) throws -> [[String: Any]] {
        guard let rows = object["value"] as? [[String: Any]] else {
            throw ConnectorError.malformedResponse(service: service, detail: "no \"value\" array")
        }
        return rows
    }

    /// A value as Tandem's text: strings as they are, numbers in canonical decimal form, null empty.
    static func text(_ value: Any?) -> String {
        switch value {
        case let text as String: return text
        case let number as NSNumber:
            return FieldValue.normalized(number.stringValue, kind: .decimal)
        default: return ""
        }
    }

    /// A decimal field's text as a JSON number (empty: zero, as both services store a blank amount).
    static func number(_ text: String) -> Any {
        let trimmed = FieldValue.normalizedText(text)
        guard !trimmed.isEmpty, let decimal = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")) else {
            return NSDecimalNumber(value: 0)
        }
        return NSDecimalNumber(decimal: decimal)
    }

    static func body(_ object: [String: Any]) throws -> Data {
        try JSONWriter.data(object)
    }

    /// A key value in a URL: a GUID as it is, text quoted with `'` doubled (OData's literal form) and
    /// percent-encoded.
    static func literal(_ text: String) -> String {
        let quoted = "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        return quoted.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&+=#"))) ?? quoted
    }

    /// Parses an ISO 8601 time as either service writes it (with or without milliseconds).
    static func timestamp(_ value: Any?) -> Timestamp? {
        guard let text = value as? String else { return nil }
        return Timestamp(iso8601: text)
    }
}
