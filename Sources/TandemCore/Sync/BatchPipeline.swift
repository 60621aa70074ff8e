import Foundation

/// Overlaps planning and applying: a producer thread reads and plans batch N+1 while the caller
/// writes batch N. Reading and writing go to different connections (SQLite WAL readers do not wait
/// for the writer), so on two cores a job takes about the longer of the two halves instead of their
/// sum. At most one planned batch waits, so memory stays one batch deep.
enum BatchPipeline {
    /// Runs `produce` on its own thread, handing each batch to `consume` on the calling thread.
    /// A `consume` error (or cancellation) stops the producer; a `produce` error is rethrown here.
    static func run<Batch: Sendable>(produce: @escaping @Sendable (_ emit: (Batch) throws -> Void) throws -> Void,
                                     consume: (Batch) throws -> Void) throws {
        let channel = Channel<Batch>()
        let producer = Thread {
            do {
                try produce { batch in
                    guard channel.put(batch) else { throw Channel<Batch>.Stopped() }
                }
                channel.finish(nil)
            } catch is Channel<Batch>.Stopped {
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
        producer.start()
        defer { channel.stop() }
        while let batch = try channel.take() { try consume(batch) }
    }

    /// A one-slot hand-over between the producer thread and the consumer.
    private final class Channel<Batch>: @unchecked Sendable {
        struct Stopped: Error {}

        private let condition = NSCondition()
        private var slot: Batch?
        private var finished = false
        private var failure: (any Error)?
        private var stopped = false
        private var producerDone = false

        /// Waits for the slot to empty; false when the consumer stopped listening.
        func put(_ batch: Batch) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while slot != nil && !stopped { condition.wait() }
            guard !stopped else { return false }
            slot = batch
            condition.broadcast()
            return true
        }

        func finish(_ error: (any Error)?) {
            condition.lock()
            finished = true
            failure = error
            producerDone = true
            condition.broadcast()
            condition.unlock()
        }

        /// The next batch, nil at the end; rethrows the producer's error.
        func take() throws -> Batch? {
            condition.lock()
            defer { condition.unlock() }
            while slot == nil && !finished { condition.wait() }
            if let batch = slot {
                slot = nil
                condition.broadcast()
                return batch
            }
            if let failure { throw failure }
            return nil
        }

        /// Tells the producer to stop, and waits until it has, so no read outlives the job.
        func stop() {
            condition.lock()
            stopped = true
            slot = nil
            condition.broadcast()
            while !producerDone { condition.wait() }
            condition.unlock()
        }
    }
}
