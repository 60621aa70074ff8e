import Foundation
import Testing
@testable import TandemCore

@Suite struct BatchPipelineTests {
    struct Boom: Error, Equatable {}

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.lock(); value += 1; lock.unlock() }
        var current: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test func batchesArriveInOrder() throws {
        var received: [Int] = []
        try BatchPipeline.run(produce: { emit in for batch in 0..<50 { try emit(batch) } },
                              consume: { received.append($0) })
        #expect(received == Array(0..<50))
    }

    @Test func aProducerErrorReachesTheCaller() {
        var received: [Int] = []
        #expect(throws: Boom()) {
            try BatchPipeline.run(produce: { emit in
                try emit(1)
                throw Boom()
            }, consume: { received.append($0) })
        }
        #expect(received == [1])
    }

    /// When `run` returns, the producer has already left `produce`: it cannot produce (or read) more.
    @Test func aConsumerErrorStopsTheProducerBeforeReturning() {
        let produced = Counter(), exited = Counter()
        #expect(throws: Boom()) {
            try BatchPipeline.run(produce: { emit in
                defer { exited.increment() }
                for batch in 0..<1000 {
                    try emit(batch)
                    produced.increment()
                }
            }, consume: { batch in if batch == 3 { throw Boom() } })
        }
        #expect(exited.current == 1)
        #expect(produced.current <= 5)
    }
}
