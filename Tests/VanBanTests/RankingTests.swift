import Foundation
import GRDB
@testable import VanBan
import XCTest

/// The search index against the slow, obvious path, on an archive of generated documents built
/// here: the same documents in the same order, the same totals and facets, for every query of
/// the benchmark and filtered ones, before and after an incremental re-index; each way the index
/// may read its lists (document at a time, term at a time, the cheaper) against it.
final class RankingTests: XCTestCase {
    nonisolated(unsafe) static var folder: URL!
    nonisolated(unsafe) static var archivePath: String!

    static let count = 1_500

    override class func setUp() {
        let root = try! Support.temporaryDirectory()
        folder = root.appendingPathComponent("corpus")
        let generator = Support.repository.appendingPathComponent("scripts/gen_corpus.py")
        let python = URL(fileURLWithPath: "/usr/bin/env")
        let made = try! Support.run(python, ["python3", generator.path, "--out", folder.path, "--count", "\(count)", "--seed", "7", "--jobs", "2"])
        precondition(made.status == 0, "gen_corpus.py failed: \(made.stderr)")
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("ground_truth.jsonl"))
        archivePath = root.appendingPathComponent("archive.db").path
        _ = try! Indexer(archivePath: archivePath, corpus: Corpus(root: folder), rules: Support.rules).run()
    }

    /// The benchmark's queries, and the same with filters.
    static func queries() throws -> [SearchRequest] {
        let lines = try String(contentsOf: Support.repository.appendingPathComponent("bench/queries.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.contains(" --") }
        var requests = (lines + ["cán bộ -thực", "dân* -vận -dang", "thực hiện OR chim yến"]).map { SearchRequest(query: $0, limit: 10) }
        for query in ["cán bộ", "dân vận", "thực hiện", "\"công tác dân vận\"", "dang uy", "dân*"] {
            requests.append(SearchRequest(query: query, type: "KH", limit: 10))
            requests.append(SearchRequest(query: query, issuer: "TU", limit: 10))
            requests.append(SearchRequest(query: query, fromYear: 2015, limit: 10))
            requests.append(SearchRequest(query: query, issuer: "dang uy khoi", fromYear: 2010, toYear: 2016, limit: 10))
            requests.append(SearchRequest(query: query, limit: 10, order: .date))
            requests.append(SearchRequest(query: query, limit: 5, offset: 20))
            var within = SearchRequest(query: query, limit: 10)
            within.within = Array(stride(from: 3, to: Int64(count), by: 7))
            requests.append(within)
        }
        return requests
    }

    private func assertAgree(_ archive: Archive, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        var compared = 0
        for request in try Self.queries() {
            var slow = request
            slow.exhaustive = true
            let exhaustive = try archive.search(slow)
            for strategy in IndexStrategy.allCases {
                var fast = request
                fast.strategy = strategy
                let label = "\(request.query) type=\(request.type ?? "") issuer=\(request.issuer ?? "") from=\(request.fromYear ?? 0) "
                    + "order=\(request.order) strategy=\(strategy)"
                assertSame(try archive.search(fast), exhaustive, label, file: file, line: line)
            }
            if exhaustive.total > 10 { compared += 1 }
        }
        return compared
    }

    private func assertSame(_ fast: SearchResults, _ exhaustive: SearchResults, _ label: String, file: StaticString, line: UInt) {
        XCTAssertEqual(fast.hits.map(\.file), exhaustive.hits.map(\.file), label, file: file, line: line)
        for (a, b) in zip(fast.hits, exhaustive.hits) where a != b {
            XCTAssertEqual(a.score, b.score, "\(label): \(a.file ?? "")", file: file, line: line)
            XCTAssertEqual(a.passages.map(\.ordinal), b.passages.map(\.ordinal), "\(label): \(a.file ?? "")", file: file, line: line)
            for (x, y) in zip(a.passages, b.passages) where x != y {
                XCTAssertEqual(x.snippet, y.snippet, "\(label): \(a.file ?? "") passage \(x.ordinal)", file: file, line: line)
                XCTAssertEqual(x.sectionHighlights, y.sectionHighlights, "\(label): \(a.file ?? "") passage \(x.ordinal)", file: file, line: line)
            }
        }
        XCTAssertEqual(fast.hits.count, exhaustive.hits.count, label, file: file, line: line)
        XCTAssertTrue(fast.hits == exhaustive.hits, label, file: file, line: line)
        XCTAssertEqual(fast.total, exhaustive.total, label, file: file, line: line)
        XCTAssertEqual(fast.facets, exhaustive.facets, label, file: file, line: line)
    }

    /// Lists whose header gives dense weights (bytes 13–16, their count, not zero).
    private static let denseLists = "SELECT count(*) FROM search_postings WHERE substr(docs, 13, 4) != X'00000000'"

    func testTheIndexAndTheExhaustivePathGiveTheSameTopTen() throws {
        let archive = try Archive(path: Self.archivePath, rules: Support.rules)
        XCTAssertGreaterThan(try archive.read { try Int.fetchOne($0, sql: Self.denseLists) } ?? 0, 0, "common words have dense weights")
        XCTAssertGreaterThanOrEqual(try assertAgree(archive), 30, "queries with more matches than a page")
    }

    /// A dense weight that says other than its list (here the last document's, the blob's last
    /// byte where no weight reaches 255) is found by `vanban verify`.
    func testVerifyFindsDenseWeightsThatDisagreeWithTheirList() throws {
        let damaged = URL(fileURLWithPath: Self.archivePath).deletingLastPathComponent().appendingPathComponent("dense-damaged.db").path
        try? FileManager.default.removeItem(atPath: damaged)
        try FileManager.default.copyItem(atPath: Self.archivePath, toPath: damaged)
        let term = try DatabaseQueue(path: damaged).write { db -> String? in
            let term = try String.fetchOne(db, sql: """
                SELECT term FROM search_postings WHERE substr(docs, 13, 4) != X'00000000' AND substr(docs, 17, 4) = X'00000000' LIMIT 1
                """)
            try db.execute(sql: """
                UPDATE search_postings SET docs = substr(docs, 1, length(docs) - 1)
                    || CASE WHEN substr(docs, -1) = X'FE' THEN X'FD' ELSE X'FE' END WHERE term = ?
                """, arguments: [term])
            return term
        }
        let report = try Verifier(archivePath: damaged, corpus: Corpus(root: Self.folder)).run()
        let check = try XCTUnwrap(report.check("search index lists are whole"))
        XCTAssertFalse(check.passed)
        let name = String(reflecting: try XCTUnwrap(term))
        XCTAssertTrue(check.details.contains { $0.contains(name) }, "\(check.details)")
    }

    /// After documents are removed, changed and added, the index (old segments, deleted ids,
    /// a merge) still agrees, its term counts are FTS5's, and its dense weights its entries'.
    func testAnIncrementalReindexStillAgrees() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        for name in files.prefix(40) { try FileManager.default.removeItem(at: Self.folder.appendingPathComponent(name)) }
        for name in files.dropFirst(40).prefix(20) {
            let url = Self.folder.appendingPathComponent(name)
            try (String(contentsOf: url, encoding: .utf8) + "\nĐoạn bổ sung về chuyển đổi số và cải cách hành chính.\n")
                .write(to: url, atomically: true, encoding: .utf8)
        }
        for (index, name) in files.suffix(30).enumerated() {
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(name), to: Self.folder.appendingPathComponent("copy-\(index).txt"))
        }
        let report = try Indexer(archivePath: Self.archivePath, corpus: Corpus(root: Self.folder), rules: Support.rules).run()
        XCTAssertFalse(report.rebuilt)
        XCTAssertEqual(report.removed.count, 40)
        XCTAssertEqual(report.updated.count, 20)
        XCTAssertEqual(report.added.count, 30)
        let archive = try Archive(path: Self.archivePath, rules: Support.rules)
        _ = try assertAgree(archive)
        let verification = try Verifier(archivePath: Self.archivePath, corpus: Corpus(root: Self.folder)).run()
        XCTAssertTrue(verification.check("search index agrees with fts5")?.passed == true, "\(verification.checks)")
        XCTAssertTrue(verification.check("search index lists are whole")?.passed == true, "\(verification.checks)")
        let segments = try archive.read { try Int.fetchOne($0, sql: "SELECT count(DISTINCT segment) FROM search_postings") }
        XCTAssertGreaterThanOrEqual(segments ?? 0, 1)
    }
}
