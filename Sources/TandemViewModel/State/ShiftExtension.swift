import TandemCore

/// A run of Shift-arrows on a list: the row it started from, and the rows it selected that were not
/// selected before. Moving back towards the anchor deselects what the run had added (as in a text
/// editor), never a row the person selected otherwise; any other key ends the run.
public struct ShiftExtension: Equatable, Sendable {
    public var anchor: RecordID
    public var added: Set<RecordID> = []

    public init(anchor: RecordID) { self.anchor = anchor }
}
