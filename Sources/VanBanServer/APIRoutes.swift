import Hummingbird
import VanBan

/// The JSON API: each answer has the shape `vanban … --json` prints for the same question.
enum APIRoutes {
    static let all: [Route] = [
        Route(path: "/search", handler: search),
        Route(path: "/documents", handler: document),
        Route(path: "/documents/{number}", handler: document),
        Route(path: "/documents/{number}/references", handler: references),
        Route(path: "/documents/{number}/cited-by", handler: citedBy),
        Route(path: "/documents/{number}/chain", handler: chain),
        Route(path: "/documents/{number}/status", handler: status),
        Route(path: "/documents/{number}/check", handler: check),
        Route(path: "/path", handler: path),
        Route(path: "/missing") { .json(try $0.archive.missingDocuments()) },
        Route(path: "/graph", handler: graph),
        Route(path: "/health", handler: health),
        Route(path: "/stats") { .json(try $0.archive.statistics()) },
        Route(path: "/requirements", handler: requirements),
        Route(path: "/requirements.ics", handler: requirementsCalendar),
        Route(path: "/actors") { .json(try $0.archive.actors()) },
    ]

    /// `vanban requires` over HTTP: ?who=&doc=&due=, and ?calendar=true for the months view.
    static func requirements(_ call: Call) throws -> Response {
        let filter = try requirementFilter(call)
        let calendar = try call.query.choice("calendar", of: Flag.self) == .true
        do {
            return calendar ? .json(try call.archive.calendar(filter)) : .json(try call.archive.requirements(filter))
        } catch VanBanError.badQuery(let message) {
            throw Problem.badParameter("due", message)
        }
    }

    /// `vanban requires --format ics`: a feed a calendar can subscribe to (?who=&doc=&due=).
    static func requirementsCalendar(_ call: Call) throws -> Response {
        let filter = try requirementFilter(call)
        do {
            return .text(try call.archive.requirementCalendar(filter).ics, contentType: "text/calendar; charset=utf-8")
        } catch VanBanError.badQuery(let message) {
            throw Problem.badParameter("due", message)
        }
    }

    private static func requirementFilter(_ call: Call) throws -> RequirementFilter {
        RequirementFilter(who: try call.query.text("who", maxBytes: Limits.maxNameBytes),
                          document: try call.query.text("doc", maxBytes: Limits.maxNameBytes),
                          due: try call.query.text("due", maxBytes: 32))
    }

    enum Flag: String, CaseIterable { case `true`, `false` }

    static func search(_ call: Call) throws -> Response {
        let request = try SearchRequest(call.query, rules: call.archive.rules)
        return .json(try call.archive.search(request))
    }

    static func document(_ call: Call) throws -> Response {
        let number = try call.number()
        switch try call.lookup({ try $0.show(number) }) {
        case .archived(let view): return .json(view)
        case .external(let view): return .json(view)
        }
    }

    static func references(_ call: Call) throws -> Response {
        let number = try call.number()
        return .json(try call.lookup { try $0.references(of: number) })
    }

    static func citedBy(_ call: Call) throws -> Response {
        let number = try call.number()
        return .json(try call.lookup { try $0.citations(of: number) })
    }

    static func chain(_ call: Call) throws -> Response {
        let number = try call.number()
        let direction = try call.query.choice("direction", of: ChainDirection.self) ?? .up
        let depth = try call.query.integer("depth", in: Limits.chainDepth) ?? 10
        return .json(try call.lookup { try $0.chain(from: number, direction: direction, depth: depth) })
    }

    /// `vanban status`: ?asOf= a day (default today).
    static func status(_ call: Call) throws -> Response {
        let number = try call.number(), day = try asOf(call)
        return .json(try call.lookup { try $0.validity(of: number, asOf: day) })
    }

    /// `vanban check`: the references that no longer stand, ?asOf= a day.
    static func check(_ call: Call) throws -> Response {
        let number = try call.number(), day = try asOf(call)
        return .json(try call.lookup { try $0.check(number, asOf: day) })
    }

    private static func asOf(_ call: Call) throws -> String? {
        guard let text = try call.query.text("asOf", maxBytes: 32) else { return nil }
        guard let day = Limits.parseDay(text) else { throw Problem.badParameter("asOf", Limits.day("asOf")) }
        return day
    }

    static func path(_ call: Call) throws -> Response {
        let from = try call.query.required("from"), to = try call.query.required("to")
        for (name, value) in [("from", from), ("to", to)] where value.utf8.count > Limits.maxNameBytes {
            throw Problem.badParameter(name, Limits.tooLong(name, bytes: value.utf8.count))
        }
        return .json(try call.lookup { try $0.path(from: from, to: to) })
    }

    enum GraphFormat: String, CaseIterable { case json, dot }

    static func graph(_ call: Call) throws -> Response {
        let format = try call.query.choice("format", of: GraphFormat.self) ?? .json
        let graph = try call.archive.graph()
        switch format {
        case .json: return .json(graph)
        case .dot: return .text(graph.dot + "\n", contentType: "text/vnd.graphviz; charset=utf-8")
        }
    }

    /// Answers "ok" only after a read of the archive (which also picks up a new build), with
    /// the build id and document count of the file served, so a balancer or an operator sees
    /// which replica serves which build; `refused` says why a file renamed over it was not taken.
    static func health(_ call: Call) throws -> Response {
        .json(try call.archive.health())
    }
}
