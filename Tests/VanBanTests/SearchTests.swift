import GRDB
import VanBan
import XCTest

/// Search over an archive built from the real corpus plus a fixture with minimal pairs.
final class SearchTests: XCTestCase {
    nonisolated(unsafe) static var archive: Archive!

    override class func setUp() {
        archive = try! Support.archive(of: Support.corpusCopy(withFixtures: true)).0
    }

    private func search(_ query: String, type: String? = nil, issuer: String? = nil, from: Int? = nil,
                        to: Int? = nil, limit: Int = 50, order: SearchRequest.Order = .relevance) throws -> SearchResults {
        try Self.archive.search(SearchRequest(query: query, type: type, issuer: issuer, fromYear: from, toYear: to,
                                              limit: limit, order: order))
    }

    private func highlighted(_ hit: SearchHit) -> [String] {
        let scalars = Array(hit.snippet.text.unicodeScalars)
        return hit.snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
    }

    func testUnaccentedQueriesFindAccentedText() throws {
        let results = try search("dang uy khoi")
        XCTAssertFalse(results.hits.isEmpty)
        let kheo = try search("dan van kheo")
        XCTAssertEqual(kheo.hits.first?.number, "60-CTr/ĐUK")
        XCTAssertTrue(kheo.hits.allSatisfy { hit in highlighted(hit).contains { $0.lowercased().hasPrefix("dân vận") } })
    }

    func testHighlightsShowTheOriginalDiacritics() throws {
        let hit = try XCTUnwrap(search("\"dan van kheo\"").hits.first)
        XCTAssertTrue(highlighted(hit).contains("Dân vận khéo"), "\(highlighted(hit))")
        XCTAssertTrue(hit.section.hasPrefix("III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP › "), hit.section)
    }

    func testAccentedTermsMatchTheirMarksOnly() throws {
        let unaccented = try search("\"dan van\"").hits.map(\.file)
        XCTAssertTrue(unaccented.contains("minimal-pairs.txt"), "unaccented matches dẫn văn too")
        let accented = try search("\"dân vận\"").hits.map(\.file)
        XCTAssertFalse(accented.contains("minimal-pairs.txt"), "dân vận must not match dẫn văn")
        XCTAssertTrue(accented.contains("60-CTr-DUK_2014-05-29.txt"))
        XCTAssertEqual(Set(try search("\"dẫn văn\"").hits.map(\.file)), ["minimal-pairs.txt"])
    }

    func testMixedQueryWorksTermByTerm() throws {
        XCTAssertEqual(Set(try search("\"dẫn van\"").hits.map(\.file)), ["minimal-pairs.txt"])
        XCTAssertFalse(try search("\"dân van\"").hits.map(\.file).contains("minimal-pairs.txt"))
        XCTAssertTrue(try search("\"dan vận\"").hits.map(\.file).contains("60-CTr-DUK_2014-05-29.txt"))
    }

    func testTonePlacementAndNFDQueries() throws {
        for query in ["sức khỏe", "sức khoẻ", "thủy lợi", "thuỷ lợi", "hòa giải", "hoà giải"] {
            XCTAssertEqual(Set(try search(query).hits.map(\.file)), ["minimal-pairs.txt"], query)
        }
        let nfd = "Đa dạng hóa".decomposedStringWithCanonicalMapping
        XCTAssertEqual(try search(nfd).hits.first?.number, "60-CTr/ĐUK", "the text has 'Đa dạng hoá'")
    }

    func testPhrasePrefixExclusionAndOr() throws {
        let phrase = try search("\"quy chế dân chủ\"")
        XCTAssertGreaterThan(phrase.total, 5)
        XCTAssertTrue(phrase.hits.allSatisfy { highlighted($0).contains { $0.lowercased() == "quy chế dân chủ" } })
        XCTAssertGreaterThan(try search("dan*").total, try search("dan").total)
        XCTAssertGreaterThan(try search("quy*").total, try search("quy").total, "quyết, quyền")
        let excluded = try search("dân vận -khéo")
        XCTAssertFalse(excluded.hits.contains { $0.snippet.text.lowercased().contains("khéo") })
        XCTAssertGreaterThan(excluded.total, 0)
        let either = try search("thuỷ OR tuyên").total
        XCTAssertEqual(either, try search("thuỷ").total + search("tuyên").total - search("thuỷ tuyên").total)
    }

    /// A prefix is spelled out as the indexed words it stands for (fast: no doclist merge) and
    /// finds exactly what FTS5's own prefix query finds; a prefix of too many words stays one.
    func testPrefixesAreSpelledOutAsTheirWords() throws {
        for prefix in ["dan", "quy", "tuyên", "thu", "hoà", "đ", "d"] {
            let native = try Self.archive.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", arguments: ["\"\(prefix)\"*"])
            }
            XCTAssertEqual(try search("\(prefix)*").total, native, prefix)
        }
        let quy = try search("quy*").interpretedAs
        XCTAssertTrue(quy.contains("\"quyết\" OR ") || quy.contains(" OR \"quyết\""), quy)
        XCTAssertTrue(try search("d*").interpretedAs.hasSuffix("\"d\"*"), "more than \(Archive.maxPrefixTerms) words")
    }

    func testTitleAndHeadingsRankAboveBody() throws {
        let hits = try search("chỉ tiêu").hits
        XCTAssertTrue(hits.first?.section.contains("CHỈ TIÊU") == true, "\(hits.first?.section ?? "")")
    }

    func testNumbersInOddFormsPutTheDocumentFirst() throws {
        for query in ["84 - CV/ĐU", "84-CV/ĐU", "84/CV-ĐU", "cv 84", "CV84", "công văn số 84", "84-cv/du"] {
            let first = try XCTUnwrap(search(query).hits.first, query)
            XCTAssertEqual(first.number, "84-CV/ĐU", query)
            XCTAssertTrue(first.numberMatch, query)
        }
        XCTAssertEqual(try search("ctr 60").hits.first?.number, "60-CTr/ĐUK")
        let cited = try search("25-NQ/TW")
        XCTAssertFalse(cited.hits.contains { $0.numberMatch }, "25-NQ/TW is cited, not held")
        XCTAssertGreaterThan(cited.total, 0, "but the passages citing it are found")
    }

    func testFilters() throws {
        XCTAssertTrue(try search("dân vận", type: "CV").hits.allSatisfy { $0.number == "84-CV/ĐU" })
        XCTAssertTrue(try search("dân vận", type: "chương trình").hits.allSatisfy { $0.number == "60-CTr/ĐUK" })
        XCTAssertTrue(try search("dân vận", issuer: "ĐUK").hits.allSatisfy { $0.number == "60-CTr/ĐUK" })
        XCTAssertTrue(try search("dân vận", issuer: "dang uy so tu phap").hits.allSatisfy { $0.number == "84-CV/ĐU" })
        XCTAssertEqual(try search("dân vận", from: 2015).total, 0)
        XCTAssertGreaterThan(try search("dân vận", from: 2014, to: 2014).total, 0)
        XCTAssertEqual(Set(try search("báo cáo", from: 2019).hits.map(\.file)), ["minimal-pairs.txt"])
        XCTAssertThrowsError(try search("dân vận", type: "XYZ"))
    }

    func testSortByDate() throws {
        let dates = try search("chi bộ", order: .date).hits.compactMap(\.date)
        XCTAssertEqual(dates, dates.sorted(by: >))
        XCTAssertEqual(dates.first, "2019-03-12")
        XCTAssertEqual(Set(dates), ["2019-03-12", "2014-06-06", "2014-05-29"])
    }

    func testPaging() throws {
        let first = try Self.archive.search(SearchRequest(query: "dân vận", limit: 5))
        let second = try Self.archive.search(SearchRequest(query: "dân vận", limit: 5, offset: try XCTUnwrap(first.nextOffset)))
        XCTAssertEqual(second.total, first.total)
        XCTAssertTrue(Set(first.hits.map(\.snippet.text)).isDisjoint(with: second.hits.map(\.snippet.text)))
    }

    func testHostileInputNeverLeaksAnEngineError() {
        let hostile = [
            "\"unbalanced", "NĐ-CP", "15/2020/NĐ-CP", "a AND", "AND", "OR", "NOT", "(", ")", "*", "^dân", "body:dân",
            "dân NEAR(vận)", "'; DROP TABLE documents; --", "\" OR 1=1 --", "\u{0}\u{1}\u{7}dân", "-", "- -", "--dân",
            "\u{301}\u{301}", String(repeating: "dân ", count: 2_500), String(repeating: "x", count: 10_000), "", "   ",
            "{dân vận}", "dân:*", "NEAR(\"a\" \"b\", 2)", "\\", "%", "\"\"", "***", "+dân", "dân OR", "OR dân",
        ]
        for query in hostile {
            do {
                _ = try search(query)
            } catch let error as VanBanError {
                let message = error.description.lowercased()
                for leak in ["fts5", "syntax error", "sqlite", "no such column", "malformed"] {
                    XCTAssertFalse(message.contains(leak), "\(query.prefix(40)): \(message)")
                }
            } catch {
                XCTFail("\(query.prefix(40)): unexpected \(error)")
            }
        }
    }

    func testShowReturnsTheSectionedText() throws {
        let view = try Self.archive.document(numbered: "ctr 60")
        XCTAssertEqual(view.document.number, "60-CTr/ĐUK")
        XCTAssertEqual(view.paragraphs.first?.section, "2. Yêu cầu")
        XCTAssertThrowsError(try Self.archive.document(numbered: "nq 25")) { error in
            XCTAssertEqual(error as? VanBanError, .notFound("No document numbered nq 25 in the archive."))
        }
    }
}
