import Foundation

/// One field of a table: its name as the side spells it, its kind, the card group it shows in, and the
/// longest value the real system stores in it.
public struct FieldDefinition: Sendable, Equatable {
    public var name: String
    public var kind: FieldKind
    public var group: String
    /// The most characters the real system's field holds (BC's `Text[n]`/`Code[n]`, Dataverse's
    /// MaxLength), counted in UTF-16 code units as both systems count them.
    public var maxLength: Int
    /// The value a newly created record gets when none is given (Dataverse's statecode starts Active).
    public var defaultValue: String
    /// The real system never holds a blank here (Dataverse's `ownerid`: a row always has an owner), so
    /// a blank on the other side is no value to send: a synchronization leaves this field as it is.
    public var neverBlank: Bool

    public init(_ name: String, kind: FieldKind = .text, group: String, maxLength: Int, defaultValue: String = "",
                neverBlank: Bool = false) {
        self.name = name
        self.kind = kind
        self.group = group
        self.maxLength = maxLength
        self.defaultValue = defaultValue
        self.neverBlank = neverBlank
    }
}
