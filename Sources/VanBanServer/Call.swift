import Hummingbird
import Logging
import VanBan

/// What a route handler gets: the archive, the decoded path parameters, the query string and
/// the request's logger. Handlers are plain synchronous functions of a Call, run off the
/// cooperative pool.
struct Call: Sendable {
    let archive: Archive
    let path: [String: String]
    let query: QueryString
    let logger: Logger

    /// Decodes the path parameters (Hummingbird keeps them percent-encoded, which is how
    /// "25-NQ%2FTW" arrives as one segment) and the query string.
    init(archive: Archive, request: Request, parameters: Parameters, logger: Logger) throws {
        var path: [String: String] = [:]
        for (name, raw) in parameters {
            guard let value = String(raw).removingPercentEncoding else {
                throw Problem.badParameter(String(name), "The \(name) in the path is not valid percent-encoded UTF-8.")
            }
            path[String(name)] = value
        }
        self.archive = archive
        self.path = path
        self.query = try QueryString(request.uri.query)
        self.logger = logger
    }

    /// The document number of /documents/{number}, or of ?number= (no need to encode "/" there).
    func number() throws -> String {
        let number = path["number"] ?? query["number"]
        guard let number, !number.isEmpty else { throw Problem.badParameter("number", "A document number is required.") }
        guard number.utf8.count <= Limits.maxNameBytes else {
            throw Problem.badParameter("number", Limits.tooLong("number", bytes: number.utf8.count))
        }
        return number
    }

    /// Runs a lookup by number or name, where a text that is no number names no document: 404.
    func lookup<T>(_ body: (Archive) throws -> T) throws -> T {
        do {
            return try body(archive)
        } catch VanBanError.badQuery(let message) {
            throw Problem.notFound(message)
        }
    }
}
