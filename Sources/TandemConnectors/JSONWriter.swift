import Foundation

/// Writes the request bodies the connectors build (`[String: Any]` of text, numbers, booleans, nulls,
/// arrays and objects) as JSON with sorted keys, straight into bytes. Foundation's JSONSerialization
/// did the same at a fifth of a Dataverse batch's CPU on Linux.
enum JSONWriter {
    struct UnsupportedValue: Error { let value: String }

    /// JSON written already (an operation's body inside a batch), copied as it is.
    struct Raw { let data: Data }

    static func data(_ value: Any) throws -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        try write(value, into: &bytes)
        return Data(bytes)
    }

    private static func write(_ value: Any, into bytes: inout [UInt8]) throws {
        switch value {
        case let text as String: string(text, into: &bytes)
        case is NSNull: bytes += Array("null".utf8)
        case let raw as Raw: bytes += raw.data
        // By exact type: a cast to Bool or Int also takes an NSNumber, and 0 would be written as false.
        case let flag as Bool where type(of: value) == Bool.self: bytes += Array((flag ? "true" : "false").utf8)
        case let number as Int where type(of: value) == Int.self: bytes += Array(String(number).utf8)
        case let number as Double where type(of: value) == Double.self && number.isFinite: bytes += Array(String(number).utf8)
        case let number as Decimal where type(of: value) == Decimal.self: bytes += Array(number.description.utf8)
        case let number as NSDecimalNumber: bytes += Array(number.decimalValue.description.utf8)
        // Any other NSNumber is a number here: booleans are only ever written as Swift's Bool.
        case let number as NSNumber: bytes += Array(number.stringValue.utf8)
        case let array as [Any]:
            bytes.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(element, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case let object as [String: Any]:
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                string(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try write(object[key]!, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        default:
            throw UnsupportedValue(value: String(describing: type(of: value)))
        }
    }

    /// A JSON string: quote, backslash and control characters escaped (RFC 8259 §7), the rest as UTF-8.
    private static func string(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xf)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
