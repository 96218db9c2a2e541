import Hummingbird

/// The HTML pages: search at /, a document at /view/{number}. A problem is shown as a page with
/// its status rather than as JSON, since a person is reading.
enum PageRoutes {
    static let all: [Route] = [
        Route(path: "/") { call in try shown(call) { try SearchPage.render(call) } },
        Route(path: "/view/{number}") { call in try shown(call) { try DocumentPage.render(call) } },
    ]

    private static func shown(_ call: Call, _ render: () throws -> String) throws -> Response {
        do {
            return .html(try render())
        } catch {
            guard let problem = Problem(error) else { throw error }
            if problem.status >= 500 { call.logger.error("\(String(reflecting: error))") }
            return .html(HTML.problem(problem, query: call.query["q"] ?? ""), status: HTTPResponse.Status(code: problem.status))
        }
    }
}
