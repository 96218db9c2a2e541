import Foundation

/// Runs `produce` over batches of items in the background, on every core, one batch ahead of
/// `consume` on the calling thread: documents are parsed and analysed while the previous batch
/// is written. At most two batches are in memory, so memory does not grow with the corpus.
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

    static func run<Item: Sendable, Output>(_ items: [Item], batchSize: Int, produce: @escaping @Sendable (Item) -> Output,
                                           consume: (Output) throws -> Void) throws {
        let batches = stride(from: 0, to: items.count, by: batchSize).map { Array(items[$0..<min($0 + batchSize, items.count)]) }
        guard let first = batches.first else { return }
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
        var next = start(first)
        for index in batches.indices {
            let current = next
            current.done.wait()
            if index + 1 < batches.count { next = start(batches[index + 1]) }
            for output in current.outputs { try consume(output!) }
        }
    }
}
