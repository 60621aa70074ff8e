import Foundation
import TandemCore

/// A side that assigns its own ids, as Business Central does: an insert lands under a fresh id of the
/// service's choosing, not the one Tandem asked for. With `loseAnswers`, the writes land and then the
/// call fails, as a process killed (or a connection lost) before the answer came back.
final class IDAssigningRecordSource: ForwardingRecordSource, @unchecked Sendable {
    private let lock = NSLock()
    private var losing = false

    struct LostAnswer: Error {}

    var loseAnswers: Bool {
        get { lock.withLock { losing } }
        set { lock.withLock { losing = newValue } }
    }

    override func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        let renamed = writes.map { write -> RecordWrite in
            guard case .insert(_, let fields) = write else { return write }
            return .insert(id: .generate(), fields: fields)
        }
        let results = try base.apply(renamed)
        if loseAnswers { throw LostAnswer() }
        return results
    }
}
