import Dispatch

/// Runs a blocking archive call on Dispatch's pool. The archive's calls wait on SQLite; run on
/// Swift's cooperative pool (one thread per core, two here) a few slow searches would stall
/// every other request, health checks included.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(with: Result { try work() })
        }
    }
}
