import Foundation
import Hummingbird
import Logging

/// One log line per request: method, target (cut at 300 characters), status and latency. Outermost, so it times and
/// reports what the client actually got, problems included.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("\(request.method.rawValue) \(request.uri.string.prefix(300)) \(response.status.code) \(String(format: "%.1f", milliseconds)) ms")
        return response
    }
}
