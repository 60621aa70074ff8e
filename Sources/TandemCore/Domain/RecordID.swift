import Foundation

/// A record's stable id: the ERP "system id" or the CRM id, both UUIDs kept as lowercase text.
public struct RecordID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        // Ids are compared without regard to case. Stored ids are lower-case already: keep the string
        // as it is then, instead of making a lower-cased copy of every id read.
        let lower = rawValue.utf8.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) }
        self.rawValue = lower ? rawValue : rawValue.lowercased()
    }

    /// A fresh random id, decided before a record is created so a retried create cannot duplicate it.
    public static func generate() -> RecordID { RecordID(UUID().uuidString) }

    /// Whether the text has the shape of a UUID (used to tell an id from a name or a `No.`).
    public static func looksLikeID(_ text: String) -> Bool { UUID(uuidString: text) != nil }

    public var description: String { rawValue }
    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
