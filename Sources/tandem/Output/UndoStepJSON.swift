import TandemCore

/// One record of `undo --preview --json`: what goes back, or why it is refused.
struct UndoStepJSON: Encodable {
    struct Field: Encodable {
        var name: String
        /// The value the job wrote, there now.
        var now: String
        /// The value undo puts back.
        var back: String
    }

    var record: String
    var side: String
    var id: String
    /// The job created the record: undo deletes it with its coupling.
    var deletes: Bool
    var fields: [Field]
    var reason: RecordFailure?
    var message: String?

    init(_ step: UndoStep) {
        record = step.label
        side = step.side.rawValue
        id = step.recordID.rawValue
        deletes = step.deletes
        fields = step.fields.map { Field(name: $0.name, now: $0.newValue, back: $0.oldValue) }
        reason = step.refusal
        message = step.refusal?.message
    }
}
