import Hummingbird

/// The service only reads: any method but GET and HEAD gets 405 with an Allow header, before
/// routing, so it is the same answer for every path and no request body is ever read.
struct ReadOnlyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var response = Problem(.methodNotAllowed, code: "method-not-allowed", title: "Method not allowed",
                                   detail: "\(request.method.rawValue) is not served: this API is read-only (GET and HEAD).").response
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        return try await next(request, context)
    }
}
