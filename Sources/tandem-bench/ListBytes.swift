/// Tandem's stored list form (`<UTF-8 length>:<text>`, or `=` for a repeat of the value before),
/// written into a byte buffer, so the floor writes snapshot and undo texts of the same size.
struct ListBytes {
    private(set) var bytes: [UInt8] = []
    /// Where the previous value's text sits in `bytes`.
    private var previous: Range<Int>?

    init() { bytes.reserveCapacity(1024) }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        previous = nil
    }

    mutating func append(_ value: UnsafeRawBufferPointer) {
        if let previous, value.count > 0, bytes[previous].elementsEqual(value) {
            bytes.append(UInt8(ascii: "="))
            return
        }
        appendDecimal(value.count)
        bytes.append(UInt8(ascii: ":"))
        let start = bytes.count
        bytes.append(contentsOf: value)
        previous = start..<bytes.count
    }

    mutating func append(_ value: [UInt8]) { value.withUnsafeBytes { append($0) } }

    private mutating func appendDecimal(_ number: Int) {
        if number >= 10 { appendDecimal(number / 10) }
        bytes.append(UInt8(48 + number % 10))
    }
}
