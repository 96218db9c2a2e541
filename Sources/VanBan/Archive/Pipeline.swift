import Dispatch

/// Runs `produce` over batches of items on a background thread, one batch ahead of `consume`
/// on the calling thread: on two cores, documents are parsed and analysed while the previous
/// batch is written. At most two batches are in memory, so memory does not grow with the corpus.
enum Pipeline {
    private final class Slot<Output>: @unchecked Sendable {
        var outputs: [Output] = []
        let done = DispatchSemaphore(value: 0)
    }

    static func run<Item: Sendable, Output>(_ items: [Item], batchSize: Int, produce: @escaping @Sendable (Item) -> Output,
                                           consume: (Output) throws -> Void) throws {
        let batches = stride(from: 0, to: items.count, by: batchSize).map { Array(items[$0..<min($0 + batchSize, items.count)]) }
        guard let first = batches.first else { return }
        func start(_ batch: [Item]) -> Slot<Output> {
            let slot = Slot<Output>()
            DispatchQueue.global().async {
                slot.outputs = batch.map(produce)
                slot.done.signal()
            }
            return slot
        }
        var next = start(first)
        for index in batches.indices {
            let current = next
            current.done.wait()
            if index + 1 < batches.count { next = start(batches[index + 1]) }
            for output in current.outputs { try consume(output) }
        }
    }
}
