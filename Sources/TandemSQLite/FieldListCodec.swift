import TandemCore

/// A compact, lossless text form for lists of strings: each as `<UTF-8 length>:<text>`, or `=` for
/// "the same as the one before" (a snapshot's CRM value mostly equals its ERP value). Any text
/// survives, control characters included, and encoding 100,000 snapshots costs milliseconds, where
/// JSON would cost seconds.
enum FieldListCodec {
    static func encode(_ values: [String]) -> String {
        var result = ""
        var previous: String?
        for value in values {
            if value == previous, !value.isEmpty {
                result += "="
            } else {
                result += String(value.utf8.count)
                result += ":"
                result += value
            }
            previous = value
        }
        return result
    }

    /// nil when the text is not in this form.
    static func decode(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var values: [String] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "=") {
                    guard let previous = values.last else { return nil }
                    values.append(previous)
                    index += 1
                    continue
                }
                var length = 0
                guard bytes[index] >= 48, bytes[index] <= 57 else { return nil }
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    length = length * 10 + Int(bytes[index] - 48)
                    index += 1
                }
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":"), index + 1 + length <= bytes.count else { return nil }
                values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<(index + 1 + length)]), as: UTF8.self))
                index += 1 + length
            }
            return values
        }
    }

    static func encode(_ snapshot: FieldSnapshot) -> String {
        encode(snapshot.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value.erp, $0.value.crm] })
    }

    static func decodeSnapshot(_ text: String) -> FieldSnapshot {
        guard let values = decode(text), values.count % 3 == 0 else { return [:] }
        var snapshot: FieldSnapshot = [:]
        for index in stride(from: 0, to: values.count, by: 3) {
            snapshot[values[index]] = SnapshotValue(erp: values[index + 1], crm: values[index + 2])
        }
        return snapshot
    }

    static func encode(_ fields: [RecordChange.Field]) -> String {
        encode(fields.flatMap { [$0.name, $0.oldValue, $0.newValue] })
    }

    static func decodeFields(_ text: String) -> [RecordChange.Field] {
        guard let values = decode(text), values.count % 3 == 0 else { return [] }
        return stride(from: 0, to: values.count, by: 3).map {
            RecordChange.Field(name: values[$0], oldValue: values[$0 + 1], newValue: values[$0 + 2])
        }
    }
}
