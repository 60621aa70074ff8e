import TandemCore

/// A yes/no question before a command that changes data.
public struct ConfirmDialog: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// "The record is not coupled. Do you want to set up a coupling?"
        case setUpCoupling(PageKind, erpID: RecordID, label: String)
        case deleteCoupling(RecordTarget)
        case createNew(RecordTarget)
        /// Delete jobs older than this many days (nil: all); failed jobs a skipped coupling refers to stay.
        case cleanup(olderThanDays: Int?)
        /// Delete the surviving record of a broken pair, and the coupling: not undoable.
        case deleteRecord(mapping: String, erpID: RecordID)
    }

    public var text: String
    public var purpose: Purpose
    /// Yes is under the cursor.
    public var yes: Bool

    public init(text: String, purpose: Purpose, defaultYes: Bool) {
        self.text = text
        self.purpose = purpose
        yes = defaultYes
    }
}
