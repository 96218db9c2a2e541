import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import VanBan
@testable import VanBanServer
import XCTest

/// The HTTP server, started for real on a free loopback port and asked over HTTP.
final class ServerTests: SeedServerTestCase {
    // MARK: the API

    func testOpenAPIDescribesEveryRouteAndEveryPathAnswers() async throws {
        let reply = try await server.get("/openapi.json")
        XCTAssertEqual(reply.status, 200)
        let document = try XCTUnwrap(reply.json as? [String: Any])
        XCTAssertEqual(document["openapi"] as? String, "3.1.0")
        let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
        XCTAssertEqual(Set(paths.keys), Set(Routes.paths), "routes and /openapi.json disagree")
        let shared = (document["components"] as? [String: Any])?["parameters"] as? [String: [String: Any]] ?? [:]
        for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
            let operation = try XCTUnwrap(operations["get"] as? [String: Any], path)
            var target = path, query: [String] = []
            for parameter in operation["parameters"] as? [[String: Any]] ?? [] {
                let resolved = (parameter["$ref"] as? String).flatMap { shared[String($0.split(separator: "/").last!)] } ?? parameter
                let name = try XCTUnwrap(resolved["name"] as? String)
                guard resolved["required"] as? Bool == true else { continue }
                let example = try XCTUnwrap(resolved["example"] as? String, "\(path): required \(name) has no example")
                if resolved["in"] as? String == "path" {
                    target = target.replacingOccurrences(of: "{\(name)}", with: example)
                } else {
                    query.append("\(name)=\(HTML.component(example))")
                }
            }
            if !query.isEmpty { target += "?" + query.joined(separator: "&") }
            let answer = try await server.get(target)
            XCTAssertEqual(answer.status, 200, "\(target): \(answer.text.prefix(300))")
        }
    }

    func testSearchGivesDocumentHitsWithCodePointHighlights() async throws {
        let reply = try await server.get("/search?q=dan+van+kheo&limit=1")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.contentType, "application/json; charset=utf-8")
        let results = try JSONDecoder().decode(SearchResults.self, from: reply.body)
        XCTAssertEqual(results.hits.count, 1)
        let hit = try XCTUnwrap(results.hits.first)
        XCTAssertEqual(hit.number, "60-CTr/ĐUK")
        let passage = try XCTUnwrap(hit.passages.first)
        XCTAssertTrue(passage.section.hasPrefix("III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP"), passage.section)
        let scalars = Array(passage.snippet.text.unicodeScalars)
        let marked = passage.snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
        XCTAssertTrue(marked.contains { $0.hasPrefix("Dân vận") }, "\(marked)")
        XCTAssertEqual(results.facets.types.first?.value, "CTr")

        let first = try JSONDecoder().decode(SearchResults.self, from: try await server.get("/search?q=dan+van&limit=1").body)
        XCTAssertEqual(first.nextOffset, 1)
        let next = try JSONDecoder().decode(SearchResults.self, from: try await server.get("/search?q=dan+van&limit=1&offset=1").body)
        XCTAssertEqual(next.hits.count, 1)
        XCTAssertNotEqual(next.hits.first?.number, first.hits.first?.number)
        let filtered = try JSONDecoder().decode(SearchResults.self, from: try await server.get(
            "/search?q=d%C3%A2n&type=CV&issuer=dang+uy+so&from=2014&to=2014&sort=date").body)
        XCTAssertFalse(filtered.hits.isEmpty)
        XCTAssertTrue(filtered.hits.allSatisfy { $0.number == "84-CV/ĐU" })
        let number = try JSONDecoder().decode(SearchResults.self, from: try await server.get("/search?q=84+-+CV%2F%C4%90U").body)
        XCTAssertEqual(number.hits.first?.numberMatch, true)
    }

    func testDocumentsByNumberInAnyForm() async throws {
        for target in ["/documents/84-CV%2F%C4%90U", "/documents/84%20-%20CV%2F%C4%90U", "/documents/cv%2084",
                       "/documents?number=84-CV/%C4%90U", "/documents?number=84+-+CV%2F%C4%90U"] {
            let reply = try await server.get(target)
            XCTAssertEqual(reply.status, 200, target)
            let view = try JSONDecoder().decode(DocumentView.self, from: reply.body)
            XCTAssertEqual(view.document.number, "84-CV/ĐU", target)
            XCTAssertEqual(view.document.signer, "Phan Văn Châu")
        }
        let program = try JSONDecoder().decode(DocumentView.self, from: try await server.get("/documents/ctr%2060").body)
        XCTAssertTrue(program.paragraphs.contains { $0.section == "II. MỤC TIÊU, CHỈ TIÊU › 1. Mục tiêu" })
        XCTAssertFalse(program.references.isEmpty)

        let cited = try await server.get("/documents/nq%2025")
        XCTAssertEqual(cited.status, 200)
        let external = try JSONDecoder().decode(ExternalDocumentView.self, from: cited.body)
        XCTAssertFalse(external.node.inArchive)
        XCTAssertTrue(external.notice.contains("not in the archive yet"))

        for unknown in ["/documents/nq%2099", "/documents/zzz", "/documents/%20", "/documents/%C4%90"] {
            try assertProblem(try await server.get(unknown), status: 404, code: "not-found", unknown)
        }
    }

    func testReferencesCitedByChainPathMissingGraph() async throws {
        let references = try JSONDecoder().decode([Reference].self, from: try await server.get("/documents/60-CTr%2F%C4%90UK/references").body)
        XCTAssertTrue(references.contains { $0.target?.number == "164-KH/TU" })
        let citedBy = try JSONDecoder().decode([Reference].self, from: try await server.get("/documents/nq%2025/cited-by").body)
        XCTAssertTrue(citedBy.contains { $0.statedIn.number == "60-CTr/ĐUK" })
        let up = try JSONDecoder().decode(ChainNode.self, from: try await server.get("/documents/60-CTr%2F%C4%90UK/chain?direction=up&depth=3").body)
        XCTAssertEqual(up.node.number, "60-CTr/ĐUK")
        XCTAssertFalse(up.children.isEmpty)
        let down = try JSONDecoder().decode(ChainNode.self, from: try await server.get("/documents/nq%2025/chain?direction=down").body)
        XCTAssertFalse(down.children.isEmpty)
        let path = try JSONDecoder().decode([Archive.PathStep].self, from: try await server.get("/path?from=60-CTr%2F%C4%90UK&to=25-NQ%2FTW").body)
        XCTAssertEqual(path.first?.from.number, "60-CTr/ĐUK")
        XCTAssertEqual(path.last?.to.number, "25-NQ/TW")
        let missing = try JSONDecoder().decode([MissingDocument].self, from: try await server.get("/missing").body)
        XCTAssertTrue(missing.contains { $0.node.number == "25-NQ/TW" })
        let graph = try JSONDecoder().decode(GraphExport.self, from: try await server.get("/graph").body)
        XCTAssertFalse(graph.links.isEmpty)
        let dot = try await server.get("/graph?format=dot")
        XCTAssertEqual(dot.contentType, "text/vnd.graphviz; charset=utf-8")
        XCTAssertTrue(dot.text.hasPrefix("digraph vanban {"))
        XCTAssertTrue(dot.text.contains("60-CTr/ĐUK"))
    }

    func testHealthAndStats() async throws {
        let health = try await server.get("/health")
        XCTAssertEqual(health.status, 200)
        let reported = try JSONDecoder().decode(ArchiveHealth.self, from: health.body)
        XCTAssertEqual(reported.status, "ok")
        XCTAssertEqual(reported.documents, 2)
        XCTAssertNotNil(reported.buildId)
        XCTAssertNil(reported.refused)
        let stats = try JSONDecoder().decode(ArchiveStatistics.self, from: try await server.get("/stats").body)
        XCTAssertEqual(stats.documents, 2)
        XCTAssertGreaterThan(stats.passages, 0)
        XCTAssertNotNil(stats.builtAt)
    }

    func testRequirementsActorsAndTheDocumentPageShowThem() async throws {
        let hits = try JSONDecoder().decode([RequirementHit].self,
                                            from: try await server.get("/requirements?who=ban%20tuyen%20giao&due=10").body)
        XCTAssertEqual(hits.count, 1)
        XCTAssertEqual(hits.first?.actors.first?.name, "Ban Tuyên giáo Đảng ủy khối")
        XCTAssertEqual(hits.first?.schedule?.month, 10)
        let calendar = try JSONDecoder().decode([CalendarMonth].self, from: try await server.get("/requirements?calendar=true").body)
        XCTAssertEqual(calendar.map(\.month), [6, 10, 12, nil])
        let actors = try JSONDecoder().decode([ActorCount].self, from: try await server.get("/actors").body)
        XCTAssertTrue(actors.contains { $0.key == "ban tuyen giao dang uy khoi" })
        let bad = try await server.get("/requirements?due=mười")
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual((bad.json as? [String: Any])?["parameter"] as? String, "due")
        let unknown = try await server.get("/requirements?doc=nq%2099")
        XCTAssertEqual(unknown.status, 404)
        let page = try await server.get("/view/60-CTr%2F%C4%90UK").text
        XCTAssertTrue(page.contains("<h2 id=\"yeu-cau\">Yêu cầu ("), "the document page lists its requirements")
        XCTAssertTrue(page.contains("trước 15 tháng 12 hàng năm"))
    }

    /// `/requirements.ics?who=` is the feed `vanban requires --format ics --who` prints.
    func testRequirementsCalendarFeed() async throws {
        let reply = try await server.get("/requirements.ics?who=ban%20tuyen%20giao")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.contentType, "text/calendar; charset=utf-8")
        let events = try Support.parseICS(reply.text)
        XCTAssertEqual(events.map(\.start), ["2014-10-15"])
        XCTAssertTrue(events.allSatisfy { $0.rrule == "FREQ=YEARLY" })
        let cli = try Support.run(["requires", "--format", "ics", "--who", "ban tuyen giao", "--archive", Self.archivePath])
        XCTAssertEqual(try Support.parseICS(cli.stdout).map(\.uid), events.map(\.uid))
        let bad = try await server.get("/requirements.ics?due=mười")
        XCTAssertEqual(bad.status, 400)
    }

    // MARK: errors

    func testBadParametersAre400sNamingTheParameter() async throws {
        let long = String(repeating: "dân ", count: 2_500)  // 10 kB
        let cases: [(String, String)] = [
            ("/search", "q"), ("/search?q=", "q"), ("/search?q=%20%20", "q"), ("/search?q=-d%C3%A2n", "q"),
            ("/search?q=\(HTML.component(long))", "q"),
            ("/search?q=a&limit=ten", "limit"), ("/search?q=a&limit=0", "limit"), ("/search?q=a&limit=101", "limit"),
            ("/search?q=a&limit=99999999999999999999999", "limit"), ("/search?q=a&offset=-1", "offset"),
            ("/search?q=a&sort=random", "sort"), ("/search?q=a&type=XYZ", "type"), ("/search?q=a&from=abc", "from"),
            ("/search?q=a&from=2015&to=2013", "from"), ("/search?q=a&issuer=\(String(repeating: "x", count: 300))", "issuer"),
            ("/documents/nq%2025/chain?direction=sideways", "direction"), ("/documents/nq%2025/chain?depth=0", "depth"),
            ("/documents/nq%2025/chain?depth=21", "depth"), ("/path?from=nq%2025", "to"), ("/path?to=nq%2025", "from"),
            ("/graph?format=svg", "format"), ("/documents", "number"),
            ("/documents/\(String(repeating: "9", count: 300))", "number"),
        ]
        for (target, parameter) in cases {
            let reply = try await server.get(target)
            try assertProblem(reply, status: 400, code: "bad-parameter", target)
            XCTAssertEqual((reply.json as? [String: Any])?["parameter"] as? String, parameter, target)
        }
    }

    func testHostileQueriesNeverFail() async throws {
        let queries = [
            "\"dân vận", "dân\"", "\"\"", "NĐ-CP", "ND-CP", "1'; DROP TABLE documents; --", "' OR 1=1 --",
            "x UNION SELECT * FROM meta", "NEAR(dân vận)", "title:dân", "{title body}: dân", "^dân", "dân*", "*", "**",
            "OR", "AND", "NOT", "dân OR", "OR OR OR", "-", "--", "(", ")", "dân)", "\u{0}", "\u{7}dân", "🇻🇳 dân",
            "\u{202E}dân", "d\u{0302}a\u{0300}n", String(repeating: "a ", count: 100), String(repeating: "x", count: 4_000),
            "%zz", "<script>alert(1)</script>", "25-NQ/TW OR", "nq 25 \"",
        ]
        for query in queries {
            let reply = try await server.get("/search?q=\(HTML.component(query))")
            XCTAssertTrue([200, 400].contains(reply.status), "\(query.prefix(40)): \(reply.status) \(reply.text.prefix(200))")
            if reply.status == 400 { try assertProblem(reply, status: 400, code: "bad-parameter", query) }
            let page = try await server.get("/?q=\(HTML.component(query))")
            XCTAssertTrue([200, 400].contains(page.status), "page \(query.prefix(40)): \(page.status)")
            XCTAssertFalse(page.text.contains("<script>alert"), "the page escapes the query")
        }
    }

    func testRawTargetsTraversalAndBadEncoding() async throws {
        let cases: [(String, Int)] = [
            ("/../../etc/passwd", 404), ("/%2e%2e/%2e%2e/etc/passwd", 404), ("/documents/..%2F..%2Fetc%2Fpasswd", 404),
            ("/view/..%2F..%2Fetc%2Fpasswd", 404), ("//etc/passwd", 404), ("/openapi.json/../../etc/passwd", 404),
            ("/search?q=%zz", 400), ("/search?q=%C3%28", 400), ("/search?q=%", 400), ("/search?%zz=1&q=a", 400),
            ("/documents/%zz", 400), ("/documents/%C3%28", 400), ("/search?q=a&q=b&&&=x", 200),
            ("/search?q=" + String(repeating: "a", count: 10_000), 400),
        ]
        for (target, status) in cases {
            let reply = try server.raw(target)
            XCTAssertEqual(reply.status, status, target)
            XCTAssertFalse(reply.text.contains("root:"), target)
            if status != 200 { XCTAssertTrue(reply.contentType.hasPrefix("application/problem+json") || reply.contentType.hasPrefix("text/html"), target) }
        }
    }

    func testUnknownRoutesAndOtherMethods() async throws {
        for target in ["/nope", "/documents/84-CV%2F%C4%90U/nope", "/index.html", "/SEARCH?q=a"] {
            try assertProblem(try await server.get(target), status: 404, code: "no-route", target)
        }
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            let reply = try server.raw("/search?q=a", method: method)
            XCTAssertEqual(reply.status, 405, method)
            XCTAssertEqual(reply.headers["allow"], "GET, HEAD")
            XCTAssertTrue(reply.contentType.hasPrefix("application/problem+json"))
        }
        let head = try server.raw("/health", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)
    }

    func testUnexpectedErrorsBecomeABare500() {
        struct DatabaseFailure: Error { let message = "SQLite error 1: fts5: syntax error near \"\"" }
        XCTAssertNil(Problem(DatabaseFailure()), "only messages written for people are shown")
        XCTAssertNil(Problem(VanBanError.corpus("internal")))
        XCTAssertEqual(Problem.internalError.status, 500)
        XCTAssertFalse(Problem.internalError.detail.contains("SQLite"))
    }

    // MARK: the page

    func testPageShowsHighlightedVietnameseAndLinksAlongTheChain() async throws {
        let home = try await server.get("/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.contentType, "text/html; charset=utf-8")
        XCTAssertTrue(home.text.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(home.text.contains("<form action=\"/\" method=\"get\""))
        XCTAssertFalse(home.text.contains("<script"))

        let results = try await server.get("/?q=dan+van+kheo")
        XCTAssertEqual(results.status, 200)
        XCTAssertTrue(results.text.contains("<mark>Dân vận khéo</mark>"), results.text)
        XCTAssertTrue(results.text.contains("§ <a href=\"/view/60-CTr%2F%C4%90UK?file=60-CTr-DUK_2014-05-29.txt#p"), "sections link to their paragraph")
        XCTAssertTrue(results.text.contains("III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP"))
        XCTAssertTrue(results.text.contains("value=\"dan van kheo\""))
        XCTAssertTrue(results.text.contains("href=\"/view/60-CTr%2F%C4%90UK?file=60-CTr-DUK_2014-05-29.txt\""))
        XCTAssertTrue(results.text.contains("href=\"/?q=dan%20van%20kheo&amp;offset=10\"") || !results.text.contains("rel=\"next\""))

        let document = try await server.get("/view/60-CTr%2F%C4%90UK")
        XCTAssertEqual(document.status, 200)
        XCTAssertTrue(document.text.contains("Đảng ủy Khối các cơ quan tỉnh"))
        XCTAssertTrue(document.text.contains("Được dẫn chiếu bởi") || document.text.contains("Văn bản được dẫn chiếu"))
        // Walk the chain: every link of the page opens a page.
        let links = Set(document.text.components(separatedBy: "href=\"/view/").dropFirst().compactMap { $0.split(separator: "\"").first })
        XCTAssertTrue(links.contains("164-KH%2FTU"), "\(links)")
        for link in links {
            let next = try await server.get("/view/\(link)")
            XCTAssertEqual(next.status, 200, String(link))
            XCTAssertTrue(next.text.contains("<h1>"))
        }
        let external = try await server.get("/view/164-KH%2FTU")
        XCTAssertTrue(external.text.contains("href=\"/view/60-CTr%2F%C4%90UK\""), "cited-by links back")

        let unknown = try await server.get("/view/nq%2099")
        XCTAssertEqual(unknown.status, 404)
        XCTAssertTrue(unknown.text.contains("class=\"problem\""))
        let bad = try await server.get("/?q=a&limit=500")
        XCTAssertEqual(bad.status, 400)
        XCTAssertTrue(bad.text.contains("limit"))
        let escaped = try await server.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        XCTAssertTrue(escaped.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    // MARK: service behaviour

    func testConcurrentRequests() async throws {
        let targets = ["/search?q=dan+van+kheo", "/search?q=%C4%91%E1%BA%A3ng", "/documents/84-CV%2F%C4%90U",
                       "/documents/nq%2025/cited-by", "/?q=dan+van", "/graph", "/stats", "/missing"]
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<32 {
                group.addTask { [server] in try await server!.get(targets[index % targets.count]).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(statuses, Array(repeating: 200, count: 32))
    }

    func testReindexUnderneathIsPickedUpWithoutAFailedRequest() async throws {
        let folder = try Support.corpusCopy()
        let archive = try Support.archive(of: folder).0
        let own = try await TestServer.start(archive: Archive(path: archive.path, rules: Support.rules, connections: 4))
        addTeardownBlock { await own.stop() }
        try await assertProblem(own.get("/documents/7-NQ%2F%C4%90U"), status: 404, code: "not-found")

        // Requests keep coming while the indexer builds the new archive and renames it over,
        // until one of them sees the new document.
        let load = Task {
            var failures: [String] = []
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                for target in ["/search?q=dan+van", "/documents/84-CV%2F%C4%90U", "/health"] {
                    let reply = try await own.get(target)
                    if reply.status != 200 { failures.append("\(target): \(reply.status) \(reply.text)") }
                }
                if try await own.get("/documents/7-NQ%2F%C4%90U").status == 200 { return failures }
            }
            return failures + ["the new document never showed"]
        }
        try """
            ---
            number: 7-NQ/ĐU
            type: Nghị quyết
            issuer: Đảng ủy Sở Tư pháp
            date: 2015-03-02
            title: Nghị quyết về công tác tái chỉ mục kho văn bản
            ---
            Thực hiện Công văn số 84-CV/ĐU ngày 06/6/2014 của Đảng ủy Sở Tư pháp, Đảng ủy quyết nghị tái chỉ mục kho văn bản.
            """.write(to: folder.appendingPathComponent("7-NQ-DU.txt"), atomically: true, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(200))
        let report = try Indexer(archivePath: archive.path, corpus: Corpus(root: folder), rules: Support.rules).run()
        XCTAssertEqual(report.added.count, 1)

        let document = try await own.get("/documents/7-NQ%2F%C4%90U")
        XCTAssertEqual(document.status, 200, document.text)
        let results = try JSONDecoder().decode(SearchResults.self, from: try await own.get("/search?q=tai+chi+muc").body)
        XCTAssertEqual(results.hits.first?.number, "7-NQ/ĐU")
        let failures = try await load.value
        XCTAssertEqual(failures, [])
    }

    func testServeCommandPrintsItsURLAndAnswers() throws {
        let output = Pipe()
        let process = try Support.start(["serve", "--port", "0", "--archive", Self.archivePath], output: output)
        defer { if process.isRunning { process.terminate() } }
        var printed = ""
        while !printed.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        let match = try XCTUnwrap(printed.firstMatch(of: /at http:\/\/127\.0\.0\.1:(\d+)\//), printed)
        let reply = try TestServer.raw("/health", port: Int(match.1)!)
        XCTAssertEqual(reply.status, 200)
        XCTAssertTrue(reply.text.hasPrefix(#"{"buildId":""#), reply.text)
        XCTAssertTrue(reply.text.contains(#""documents":2,"#) && reply.text.hasSuffix(#""status":"ok"}"#), reply.text)
        process.terminate()
        process.waitUntilExit()
        XCTAssertFalse(process.isRunning)
    }

    private func assertProblem(_ reply: TestServer.Reply, status: Int, code: String, _ message: String = "",
                               file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(reply.status, status, "\(message): \(reply.text.prefix(300))", file: file, line: line)
        XCTAssertEqual(reply.contentType, "application/problem+json", message, file: file, line: line)
        let problem = try XCTUnwrap(reply.json as? [String: Any], message, file: file, line: line)
        XCTAssertEqual(problem["status"] as? Int, status, message, file: file, line: line)
        XCTAssertEqual(problem["code"] as? String, code, message, file: file, line: line)
        XCTAssertEqual(problem["type"] as? String, "urn:vanban:problem:\(code)", message, file: file, line: line)
        XCTAssertFalse((problem["title"] as? String ?? "").isEmpty, message, file: file, line: line)
        let detail = try XCTUnwrap(problem["detail"] as? String, message, file: file, line: line)
        for word in ["SQLite", "sqlite", "fts5", "FTS5", "GRDB"] {
            XCTAssertFalse(detail.contains(word), "\(message): \(detail)", file: file, line: line)
        }
    }
}

/// A server on a free loopback port, with two clients: URLSession, and a raw socket that
/// sends a request target exactly as written (URLSession would resolve "/../" and refuse "%zz").
/// A test class served for real over its own copy of the seed corpus: the archive is built once
/// for the class, and each test gets a server on a free loopback port.
class SeedServerTestCase: XCTestCase {
    nonisolated(unsafe) static var archivePath = ""
    var server: TestServer!

    override class func setUp() {
        archivePath = try! Support.archive(of: Support.corpusCopy()).0.path
    }

    override func setUp() async throws {
        server = try await TestServer.start(archive: Archive(path: Self.archivePath, rules: Support.rules, connections: 4))
    }

    override func tearDown() async throws {
        await server.stop()
    }
}

final class TestServer: Sendable {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data

        var contentType: String { headers["content-type"] ?? "" }
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    }

    let port: Int
    private let task: Task<Void, any Error>
    private let session: URLSession

    private init(port: Int, task: Task<Void, any Error>) {
        self.port = port
        self.task = task
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 32
        session = URLSession(configuration: configuration)
    }

    static func start(archive: Archive) async throws -> TestServer {
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            defer { continuation.finish() }
            try await buildApplication(archive: archive, port: 0, logger: logger) { continuation.yield($0) }.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value  // the reason it stopped, if it threw one
            throw POSIXError(.EADDRNOTAVAIL)
        }
        return TestServer(port: port, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    func get(_ target: String) async throws -> Reply {
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)\(target)"), target)
        let (data, response) = try await session.data(from: url)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            headers[String(describing: name).lowercased()] = String(describing: value)
        }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    func raw(_ target: String, method: String = "GET") throws -> Reply {
        try Self.raw(target, port: port, method: method)
    }

    /// One HTTP/1.1 request on a new connection, read until the server closes it.
    static func raw(_ target: String, port: Int, method: String = "GET") throws -> Reply {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard send(socket, request, request.count, 0) == request.count else { throw POSIXError(.EIO) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while case let count = recv(socket, &buffer, buffer.count, 0), count > 0 {
            data.append(contentsOf: buffer[0..<count])
        }
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw POSIXError(.EBADMSG) }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = head.first?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}
