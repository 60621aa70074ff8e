import TandemCore

/// The *Synchronize now* question (spec §5): a menu of directions or a yes/no question.
public struct SyncDialog: Equatable, Sendable {
    public var target: RecordTarget
    /// How many records the target holds (for the title and the progress bar).
    public var count: Int
    public var question: SyncQuestion
    public var cursor = 0
    /// The destination may be overwritten: a single record whose question a person answered.
    public var single: Bool
    /// *Synchronize modified records*: the mapping's pairs changed since their last sync, found by
    /// index, instead of the target's records.
    public var modifiedOnly = false

    public init(target: RecordTarget, count: Int, question: SyncQuestion, single: Bool) {
        self.target = target
        self.count = count
        self.question = question
        self.single = single
        if case .menu(_, let options, let recommended, _) = question {
            cursor = options.firstIndex(of: recommended) ?? 0
        } else if case .confirm(_, _, let defaultYes) = question {
            cursor = defaultYes ? 0 : 1
        }
    }

    /// The options shown: the directions of a menu, or Yes / No.
    public var options: [String] {
        switch question {
        case .menu(_, let choices, _, _): choices.map(Self.label)
        case .confirm, .setUpCoupling: [tr("Yes"), tr("No")]
        }
    }

    /// The choice under the cursor; nil for "No".
    public var choice: SyncChoice? {
        switch question {
        case .menu(_, let choices, _, _): choices.indices.contains(cursor) ? choices[cursor] : nil
        case .confirm(_, let choice, _): cursor == 0 ? choice : nil
        case .setUpCoupling: nil
        }
    }

    public static func label(_ choice: SyncChoice) -> String {
        switch choice {
        case .toCRM: tr("Send data update to CRM")
        case .fromCRM: tr("Get data update from CRM")
        case .merge: tr("Merge data")
        }
    }
}
