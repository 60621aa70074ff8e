import Foundation

/// A record id in 16 bytes (the UUID's bits) instead of a 36-character string, for indexes that hold
/// a million of them. Every id Tandem stores is a UUID (imports refuse others, creates generate them,
/// Business Central's system ids and Dataverse's ids are GUIDs); text that is not one has no compact form.
struct CompactID: Hashable {
    var high: UInt64
    var low: UInt64

    init?(_ id: RecordID) {
        guard let uuid = UUID(uuidString: id.rawValue) else { return nil }
        let bytes = uuid.uuid
        high = [bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5, bytes.6, bytes.7]
            .reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        low = [bytes.8, bytes.9, bytes.10, bytes.11, bytes.12, bytes.13, bytes.14, bytes.15]
            .reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// The id as Tandem writes it (lowercase UUID text).
    var recordID: RecordID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(index)))
            bytes[8 + index] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(index)))
        }
        return RecordID(UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                    bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
            .uuidString)
    }
}
