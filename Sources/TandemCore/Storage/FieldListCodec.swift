/// A compact, lossless text form for lists of strings: each as `<UTF-8 length>:<text>`, or `=` for
/// "the same as the one before" (a snapshot's CRM value mostly equals its ERP value). Any text
/// survives, control characters included, and encoding 100,000 snapshots costs milliseconds, where
/// JSON would cost seconds. Both stores (SQLite, PostgreSQL) keep snapshots and undo fields so.
public enum FieldListCodec {
    public static func encode(_ values: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.reduce(0) { $0 + $1.utf8.count + 4 })
        var previous: String?
        for value in values { append(value, after: &previous, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendDecimal(_ number: Int, to bytes: inout [UInt8]) {
        if number >= 10 { appendDecimal(number / 10, to: &bytes) }
        bytes.append(UInt8(48 + number % 10))
    }

    /// nil when the text is not in this form.
    public static func decode(_ text: String) -> [String]? {
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

    /// The snapshot as (field, ERP value, CRM value) triples in field-name order, written straight into
    /// one byte buffer (this runs once per coupling a sync writes).
    public static func encode(_ snapshot: FieldSnapshot) -> String {
        let entries = snapshot.sorted { $0.key < $1.key }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(0) { $0 + $1.key.utf8.count + $1.value.erp.utf8.count + $1.value.crm.utf8.count + 12 })
        var previous: String?
        for (key, value) in entries {
            append(key, after: &previous, to: &bytes)
            append(value.erp, after: &previous, to: &bytes)
            append(value.crm, after: &previous, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One value of the list form: "=" when it repeats the one before, else `<length>:<text>`.
    private static func append(_ value: String, after previous: inout String?, to bytes: inout [UInt8]) {
        if value == previous, !value.isEmpty {
            bytes.append(UInt8(ascii: "="))
        } else {
            appendDecimal(value.utf8.count, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: value.utf8)
        }
        previous = value
    }

    /// nil when the text is not a snapshot (not in this form, or not triples).
    public static func decodeSnapshot(_ text: String) -> FieldSnapshot? {
        guard let values = decode(text), values.count % 3 == 0 else { return nil }
        var snapshot: FieldSnapshot = [:]
        snapshot.reserveCapacity(values.count / 3)
        for index in stride(from: 0, to: values.count, by: 3) {
            snapshot[values[index]] = SnapshotValue(erp: values[index + 1], crm: values[index + 2])
        }
        return snapshot
    }

    public static func encode(_ fields: [RecordChange.Field]) -> String {
        encode(fields.flatMap { [$0.name, $0.oldValue, $0.newValue] })
    }

    /// nil when the text is not a field list (not in this form, or not triples).
    public static func decodeFields(_ text: String) -> [RecordChange.Field]? {
        guard let values = decode(text), values.count % 3 == 0 else { return nil }
        return stride(from: 0, to: values.count, by: 3).map {
            RecordChange.Field(name: values[$0], oldValue: values[$0 + 1], newValue: values[$0 + 2])
        }
    }
}
