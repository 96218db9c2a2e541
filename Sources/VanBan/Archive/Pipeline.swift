import Foundation

/// Runs `produce` over batches of items in the background, on every core, a few batches ahead
/// of `consume` on the calling thread: documents are parsed and analysed while earlier batches
/// are written. At most four batches are in memory, so memory does not grow with the corpus.
enum Pipeline {
    private final class Slot<Output>: @unchecked Sendable {
        private(set) var outputs: [Output?]
        private let lock = NSLock()
        let done = DispatchGroup()

        init(count: Int) { outputs = Array(repeating: nil, count: count) }

        func store(_ output: Output, at index: Int) {
            lock.lock()
            outputs[index] = output
            lock.unlock()
        }
    }

    private static let lookahead = 3

    static func run<Item: Sendable, Output>(_ items: [Item], batchSize: Int, produce: @escaping @Sendable (Item) -> Output,
                                           consume: (Output) throws -> Void) throws {
        let batches = stride(from: 0, to: items.count, by: batchSize).map { Array(items[$0..<min($0 + batchSize, items.count)]) }
        func start(_ batch: [Item]) -> Slot<Output> {
            let slot = Slot<Output>(count: batch.count)
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, batch.count))
            for worker in 0..<workers {
                DispatchQueue.global().async(group: slot.done) {
                    for index in stride(from: worker, to: batch.count, by: workers) { slot.store(produce(batch[index]), at: index) }
                }
            }
            return slot
        }
        // A few batches in flight keep both cores busy while the writer catches up.
        var inFlight = batches.prefix(lookahead).map(start)
        for index in batches.indices {
            let current = inFlight.removeFirst()
            current.done.wait()
            if index + lookahead < batches.count { inFlight.append(start(batches[index + lookahead])) }
            for output in current.outputs { try consume(output!) }
        }
    }
}
