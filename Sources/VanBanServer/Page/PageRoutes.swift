import Hummingbird
import VanBan

/// The HTML pages: search at /, a document at /view/{number} with its chain and diagram, the
/// requirements at /obligations and by month at /calendar. A problem is shown as a page with its
/// status rather than as JSON, since a person is reading, and in the page's language.
enum PageRoutes {
    static let all: [Route] = [
        Route(path: "/", page: true) { call in try shown(call) { try SearchPage.render(call) } },
        Route(path: "/view/{number}", page: true) { call in try shown(call) { try DocumentPage.render(call) } },
        Route(path: "/view/{number}/chain", page: true) { call in try shown(call) { try ChainPage.render(call) } },
        Route(path: "/view/{number}/diagram", page: true) { call in try shown(call) { try DiagramPage.render(call) } },
        Route(path: "/obligations", page: true) { call in try shown(call) { try RequirementsPage.list(call) } },
        Route(path: "/calendar", page: true) { call in try shown(call) { try RequirementsPage.calendar(call) } },
    ]

    private static func shown(_ call: Call, _ render: () throws -> String) throws -> Response {
        do {
            return .html(try render())
        } catch {
            let problem = Problem(error) ?? .internalError
            if problem.status >= 500 { call.logger.error("\(String(reflecting: error))") }
            return .html(page(for: problem, call: call), status: HTTPResponse.Status(code: problem.status))
        }
    }

    /// A request whose address could not be decoded (bad percent-encoding), as a page.
    static func undecodable(_ problem: Problem) -> Response {
        .html(HTML.problem(title: UI.badRequestTitle, detail: UI.badEncoding), status: HTTPResponse.Status(code: problem.status))
    }

    /// The problem in the page's words: which parameter is wrong and what it takes, or which
    /// document was not found (with the documents a number names when it names several).
    private static func page(for problem: Problem, call: Call) -> String {
        let query = call.query["q"] ?? ""
        switch problem.code {
        case "not-found":
            let number = call.path["number"] ?? call.query["number"] ?? call.query["under"] ?? call.query["cites"] ?? ""
            let candidates = (try? call.archive.documents(numbered: number)) ?? []
            var extra = ""
            if candidates.count > 1 {
                extra = "<ul>" + candidates.map { document in
                    let meta = [document.type, document.date.map(UI.date), document.issuer, document.title?.cutAtWord(120)].compactMap { $0 }
                    let href = HTML.view(document.number ?? number) + "?" + HTML.query([("file", document.file)])
                    return "<li><a href=\"\(href)\">\(HTML.escape(document.number ?? document.file))</a> <span class=\"meta\">\(HTML.escape(meta.joined(separator: " · ")))</span></li>"
                }.joined() + "</ul>"
            }
            extra += "<p><a href=\"/?\(HTML.query([("q", number)]))\">\(HTML.escape(UI.searchInstead(number)))</a></p>"
            let detail = candidates.count > 1 ? UI.documentAmbiguous(number) : UI.documentNotFound(number)
            return HTML.problem(title: UI.notFoundTitle, detail: detail, extra: extra, query: query)
        case "bad-parameter":
            return HTML.problem(title: UI.badRequestTitle, detail: badParameter(problem, call: call), query: query)
        case "archive-unavailable":
            return HTML.problem(title: UI.unavailableTitle, detail: UI.unavailable, query: query)
        default:
            return HTML.problem(title: UI.internalTitle, detail: UI.internalDetail, query: query)
        }
    }

    private static func badParameter(_ problem: Problem, call: Call) -> String {
        let name = problem.parameter ?? ""
        let detail = problem.detail
        if detail.contains("percent-encoded") { return UI.badEncoding }
        if detail.contains("too long") { return name == "q" ? UI.queryTooLong : UI.tooLong(name) }
        switch name {
        case "q":
            if detail.contains("only excludes") { return UI.queryOnlyExcludes }
            if detail.contains("no words") { return UI.queryNoWords }
            if detail.contains("too many terms") { return UI.queryTooManyTerms }
            if detail.contains("stands for more than") { return UI.queryWidePrefix }
            return UI.queryUnreadable
        case "limit": return UI.wholeNumber(UI.limitLabel, parameter: name, Limits.pageSize)
        case "offset": return UI.wholeNumber(UI.offsetLabel, parameter: name, Limits.offset)
        case "from", "to":
            if detail.contains("empty") { return UI.emptyYears }
            return UI.wholeNumber(name == "from" ? UI.fromLabel : UI.toLabel, parameter: name, Limits.years)
        case "depth": return UI.wholeNumber(UI.depthLabel, parameter: name, Limits.chainDepth)
        case "type": return UI.unknownType(call.query["type"] ?? "")
        case "sort": return UI.badChoice(name, SearchRequest.Order.allCases.map(\.rawValue))
        case "due": return UI.badDue
        default: return UI.badParameter(name)
        }
    }
}
