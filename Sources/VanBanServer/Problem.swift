import Foundation
import Hummingbird
import VanBan

/// An RFC 9457 problem: the body of every error response, so a client reads one shape for all
/// of them. `code` is a stable machine code; `parameter` names the bad parameter of a 400.
struct Problem: Error, Encodable, Sendable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let code: String
    var parameter: String?

    init(_ status: HTTPResponse.Status, code: String, title: String, detail: String, parameter: String? = nil) {
        self.type = "urn:vanban:problem:\(code)"
        self.title = title
        self.status = status.code
        self.detail = detail
        self.code = code
        self.parameter = parameter
    }

    static func badParameter(_ name: String, _ detail: String) -> Problem {
        Problem(.badRequest, code: "bad-parameter", title: "Bad parameter", detail: detail, parameter: name)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, code: "not-found", title: "Not found", detail: detail)
    }

    /// The problem an error thrown anywhere below the router stands for. Only messages written
    /// for people (VanBanError's, ours) reach the client; anything else, which may carry SQLite
    /// or FTS5 internals, becomes a bare 500 and is logged by the caller.
    init?(_ error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as VanBanError:
            switch error {
            case .badQuery(let message):
                // The query is the only input the library judges (a number that names nothing
                // is turned into a 404 by Call.lookup before it gets here).
                self = .badParameter("q", message)
            case .notFound(let message):
                self = .notFound(message)
            case .archiveMissing:
                self.init(.serviceUnavailable, code: "archive-unavailable", title: "Archive unavailable", detail: error.description)
            case .archiveVersion:
                // Its message may quote SQLite's error; that goes to the log only.
                self.init(.serviceUnavailable, code: "archive-unavailable", title: "Archive unavailable",
                          detail: "The archive cannot be read: it is damaged or of another schema version. Run `vanban index` to rebuild it.")
            case .rules, .corpus, .publication:
                return nil
            }
        case let error as HTTPError where error.status == .notFound:
            self = Problem(.notFound, code: "no-route", title: "Not found",
                           detail: "There is nothing at this address; GET /openapi.json lists the API.")
        case let error as HTTPError where error.status.code < 500:  // from Hummingbird itself
            self.init(error.status, code: "http-\(error.status.code)", title: error.status.reasonPhrase,
                      detail: error.body ?? error.status.reasonPhrase)
        default:
            return nil
        }
    }

    static let internalError = Problem(.internalServerError, code: "internal", title: "Internal error",
                                       detail: "The server could not answer this request; the cause is in its log.")

    var response: Response {
        Response.json(self, status: HTTPResponse.Status(code: status), contentType: "application/problem+json")
    }
}
