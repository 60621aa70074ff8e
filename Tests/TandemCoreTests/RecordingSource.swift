import Foundation
import TandemCore

/// A side that notes, in a log shared with the other side, which side each `apply` call went to, so a
/// test can see the order in which the engine writes the two systems.
final class RecordingSource: ForwardingRecordSource, @unchecked Sendable {
    /// The sides written, in the order their writes arrived.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var sides: [Side] = []

        func append(_ side: Side) { lock.withLock { sides.append(side) } }
        var written: [Side] { lock.withLock { sides } }
    }

    private let side: Side
    private let log: Log

    init(_ base: any RecordSource, side: Side, log: Log) {
        self.side = side
        self.log = log
        super.init(base)
    }

    override func apply(_ writes: [RecordWrite]) throws -> [WriteResult] {
        if !writes.isEmpty { log.append(side) }
        return try base.apply(writes)
    }
}
