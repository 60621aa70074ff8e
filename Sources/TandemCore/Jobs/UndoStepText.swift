/// An undo step in words, for the command line and the screens alike:
/// "ERP C00010 Adatum: City Kiel → Berlin", "CRM Adatum: deleted (the job created it)",
/// "ERP C00020 Bexley: the record changed after job 5".
public enum UndoStepText {
    public static func line(_ step: UndoStep) -> String {
        let head = "\(step.side.displayName) \(step.label): "
        if let refusal = step.refusal { return head + refusal.message }
        if step.deletes { return head + tr("deleted (the job created it)") }
        return head + step.fields.map { "\($0.name) \(quoted($0.newValue)) → \(quoted($0.oldValue))" }.joined(separator: ", ")
    }

    private static func quoted(_ value: String) -> String { value.isEmpty ? tr("(empty)") : value }
}
