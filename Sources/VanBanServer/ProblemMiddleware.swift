import Hummingbird
import Logging

/// Turns every error thrown by a route, or by the router for an unknown path, into a
/// problem+json response, so no request ends in Hummingbird's empty 500 or leaks an
/// internal message. Server-side failures are logged with the error as thrown.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(error) ?? .internalError
            if problem.status >= 500 {
                context.logger.error("\(request.uri.path): \(String(reflecting: error))")
            }
            return problem.response
        }
    }
}
