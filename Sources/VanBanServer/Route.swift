import Hummingbird
import VanBan

/// A GET route: its path as the OpenAPI description writes it ("/documents/{number}", which
/// Hummingbird's router reads too) and its handler.
struct Route: Sendable {
    let path: String
    /// A page answers even a request it cannot decode with a page (see PageRoutes).
    var page = false
    let handler: @Sendable (Call) throws -> Response
}

/// Every route the server answers; the router is built from this list and a test checks it
/// against /openapi.json both ways.
public enum Routes {
    static let all: [Route] = APIRoutes.all + PageRoutes.all + [Route(path: "/openapi.json") { _ in OpenAPI.response }]

    public static var paths: [String] { all.map(\.path) }

    static func register<Context: RequestContext>(on router: Router<Context>, archive: Archive) {
        for route in all {
            router.get(RouterPath(route.path)) { request, context in
                let call: Call
                do {
                    call = try Call(archive: archive, request: request, parameters: context.parameters, logger: context.logger)
                } catch let problem as Problem where route.page {
                    return PageRoutes.undecodable(problem)
                }
                return try await offload { try route.handler(call) }
            }
        }
    }
}
