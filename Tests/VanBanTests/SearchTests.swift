import GRDB
import VanBan
import XCTest

/// Search over an archive built from the real corpus plus fixtures: minimal pairs, and a
/// document written without marks.
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

    private func files(_ query: String) throws -> Set<String> { Set(try search(query).hits.compactMap(\.file)) }

    private func highlighted(_ snippet: Snippet) -> [String] {
        let scalars = Array(snippet.text.unicodeScalars)
        return snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
    }

    private func highlighted(_ hit: DocumentHit) -> [String] {
        hit.passages.flatMap { highlighted($0.snippet) + highlighted(Snippet(text: $0.section, highlights: $0.sectionHighlights)) }
    }

    func testHitsAreDocumentsWithTheBothSeedDocumentsFirstForTheirIssuer() throws {
        let results = try search("dang uy")
        XCTAssertEqual(Set(results.hits.prefix(2).compactMap(\.number)), ["84-CV/ĐU", "60-CTr/ĐUK"], "\(results.hits.map(\.number))")
        XCTAssertEqual(results.hits.count, Set(results.hits.map(\.file)).count, "one hit a document")
        XCTAssertEqual(results.total, results.hits.count)
        XCTAssertTrue(results.hits.allSatisfy { (1...3).contains($0.passages.count) }, "one to three passages a hit")
    }

    /// Every passage shown is the document's own: its section and its text are in `show`'s view.
    func testEveryPassageOfAHitBelongsToIt() throws {
        for query in ["dân vận", "dang uy", "báo cáo", "\"quy chế dân chủ\"", "cán bộ -khéo"] {
            for hit in try search(query).hits {
                let view = try Self.archive.document(numbered: try XCTUnwrap(hit.number))
                for passage in hit.passages where passage.ordinal > 0 {
                    let paragraph = try XCTUnwrap(view.paragraphs.first { $0.line == passage.line }, "\(query): line \(passage.line)")
                    XCTAssertEqual(paragraph.section, passage.section, query)
                    let text = passage.snippet.text.replacingOccurrences(of: Snippet.ellipsis, with: "").trimmingCharacters(in: .whitespaces)
                    XCTAssertTrue(paragraph.text.contains(text), "\(query): \(text)")
                }
            }
        }
    }

    private func hit(_ query: String, number: String) throws -> DocumentHit {
        try XCTUnwrap(search(query).hits.first { $0.number == number }, "\(query): no \(number)")
    }

    func testUnaccentedQueriesFindAccentedText() throws {
        XCTAssertFalse(try search("dang uy khoi").hits.isEmpty)
        let kheo = try hit("dan van kheo", number: "60-CTr/ĐUK")
        XCTAssertTrue(highlighted(kheo).contains { $0.lowercased().hasPrefix("dân vận") })
    }

    func testHighlightsShowTheOriginalDiacritics() throws {
        let hit = try hit("\"dan van kheo\"", number: "60-CTr/ĐUK")
        XCTAssertTrue(highlighted(hit).contains("Dân vận khéo"), "\(highlighted(hit))")
        XCTAssertTrue(hit.passages[0].section.hasPrefix("III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP › "), hit.passages[0].section)
    }

    func testAccentedTermsMatchTheirMarksOnly() throws {
        XCTAssertTrue(try files("\"dan van\"").contains("minimal-pairs.txt"), "unaccented matches dẫn văn too")
        let accented = try files("\"dân vận\"")
        XCTAssertFalse(accented.contains("minimal-pairs.txt"), "dân vận must not match dẫn văn")
        XCTAssertTrue(accented.contains("60-CTr-DUK_2014-05-29.txt"))
        XCTAssertFalse(try files("\"dẫn văn\"").contains("60-CTr-DUK_2014-05-29.txt"))
        XCTAssertTrue(try files("\"dẫn văn\"").contains("minimal-pairs.txt"))
    }

    /// A document written without marks cannot tell dân from dẫn: a query with marks finds it
    /// by its folded words, and still never finds a marked document with other marks.
    func testAccentedQueryFindsAnUnmarkedDocumentButNotAnotherlyMarkedOne() throws {
        XCTAssertTrue(try files("Quy chế dân chủ ở cơ sở").contains("unmarked.txt"))
        XCTAssertTrue(try files("\"quy chế dân chủ\"").contains("unmarked.txt"), "phrases too")
        let accented = try files("\"dân vận\"")
        XCTAssertTrue(accented.contains("unmarked.txt"))
        XCTAssertFalse(accented.contains("minimal-pairs.txt"))
        let hit = try XCTUnwrap(search("\"quy chế dân chủ\"").hits.first { $0.file == "unmarked.txt" })
        XCTAssertTrue(highlighted(hit).contains { $0.lowercased() == "quy che dan chu" }, "\(highlighted(hit))")
    }

    /// "hiện" and "hiên" are two words: a tone on a vowel with a hat is kept, not dropped.
    func testDotBelowUnderAHatIsATone() throws {
        XCTAssertEqual(try files("hiên").subtracting(["unmarked.txt"]), ["minimal-pairs.txt"], "the unmarked one could be either")
        XCTAssertFalse(try files("hiện").contains("minimal-pairs.txt"))
        XCTAssertTrue(try files("hien").isSuperset(of: ["minimal-pairs.txt", "60-CTr-DUK_2014-05-29.txt"]))
    }

    func testMixedQueryWorksTermByTerm() throws {
        XCTAssertTrue(try files("\"dẫn van\"").contains("minimal-pairs.txt"))
        XCTAssertFalse(try files("\"dân van\"").contains("minimal-pairs.txt"))
        XCTAssertTrue(try files("\"dan vận\"").contains("60-CTr-DUK_2014-05-29.txt"))
    }

    func testTonePlacementAndNFDQueries() throws {
        for query in ["sức khỏe", "sức khoẻ", "thủy lợi", "thuỷ lợi", "hòa giải", "hoà giải"] {
            XCTAssertEqual(try files(query).subtracting(["unmarked.txt"]), ["minimal-pairs.txt"], query)
        }
        let nfd = "Đa dạng hóa".decomposedStringWithCanonicalMapping
        XCTAssertEqual(try search(nfd).hits.first?.number, "60-CTr/ĐUK", "the text has 'Đa dạng hoá'")
    }

    func testPhrasePrefixExclusionAndOr() throws {
        let phrase = try search("\"quy chế dân chủ\"")
        XCTAssertTrue(phrase.hits.allSatisfy { highlighted($0).contains { $0.lowercased().hasPrefix("quy ch") } })
        XCTAssertGreaterThanOrEqual(try search("dan*").total, try search("dan").total)
        XCTAssertGreaterThan(try search("quy*").total, 0)
        let excluded = try search("dân vận -khéo")
        XCTAssertFalse(excluded.hits.contains { $0.number == "60-CTr/ĐUK" }, "60-CTr/ĐUK has Dân vận khéo")
        XCTAssertGreaterThan(excluded.total, 0)
        // Totals of every word: a query with no such document shows those with most of them.
        func all(_ query: String) throws -> Int { let found = try search(query); return found.notice == nil ? found.total : 0 }
        XCTAssertEqual(try all("thuỷ OR tuyên"), try all("thuỷ") + all("tuyên") - all("thuỷ tuyên"))
    }

    /// A prefix stands for the indexed words it begins, and finds what FTS5's own prefix query finds.
    func testPrefixesFindWhatFTS5Finds() throws {
        for prefix in ["dan", "quy", "tuyên", "thu", "hoà", "đ", "d"] {
            let native = try Self.archive.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", arguments: ["\"\(prefix)\"*"])
            }
            XCTAssertEqual(try search("\(prefix)*").total, native, prefix)
        }
        XCTAssertTrue(try search("quy*").interpretedAs.contains("\"quyết\""))
    }

    func testTitleAndHeadingsRankAboveBody() throws {
        let hit = try XCTUnwrap(search("chỉ tiêu").hits.first)
        XCTAssertTrue(hit.passages.first?.section.contains("CHỈ TIÊU") == true, "\(hit.passages.first?.section ?? "")")
    }

    func testNumbersInOddFormsPutTheDocumentFirst() throws {
        for query in ["84 - CV/ĐU", "84-CV/ĐU", "84/CV-ĐU", "cv 84", "CV84", "công văn số 84", "84-cv/du", "cong van 84 dang uy",
                      "công văn 84 đảng ủy"] {
            let first = try XCTUnwrap(search(query).hits.first, query)
            XCTAssertEqual(first.number, "84-CV/ĐU", query)
            XCTAssertTrue(first.numberMatch, query)
        }
        XCTAssertEqual(try search("ctr 60").hits.first?.number, "60-CTr/ĐUK")
        XCTAssertEqual(try search("chuong trinh 60 dang uy khoi").hits.first?.number, "60-CTr/ĐUK")
        XCTAssertFalse(try search("cong van 84 tinh uy").hits.first?.numberMatch ?? false, "84-CV is of a Đảng ủy")
    }

    /// A number the archive knows only from citations gives the record harvested from them first.
    func testNumberOfACitedDocumentGivesItsRecordFirst() throws {
        for query in ["nq 25", "NQ25", "25-NQ/TW", "nghị quyết 25 trung ương", "164-KH/TU", "ke hoach 164 tinh uy"] {
            let first = try XCTUnwrap(search(query).hits.first, query)
            XCTAssertFalse(first.inArchive, query)
            XCTAssertTrue(first.numberMatch, query)
            XCTAssertGreaterThan(first.citedBy ?? 0, 0, query)
        }
        XCTAssertEqual(try search("25-NQ/TW").hits.first?.number, "25-NQ/TW")
        XCTAssertGreaterThan(try search("25-NQ/TW").total, 1, "and the documents citing it follow")
    }

    /// A law's number names no type ("12/2026/QH16"), nor does the Standing Committee's: typed
    /// with the type word, it names the document by its heading's type, and a law known only from
    /// citations by theirs ("Luật số 33/2013/QH13").
    func testATypeWordAndANumberNameALawWhoseNumberHasNoType() throws {
        let archive = try Support.archive(of: Support.fixtureCopy("layouts")).0
        let named = [("luat 12", "12/2026/QH16"), ("luật số 12", "12/2026/QH16"), ("luat 12 2026", "12/2026/QH16"),
                     ("nghi quyet 41 uy ban thuong vu quoc hoi", "41/2026/UBTVQH16"), ("nq 41", "41/2026/UBTVQH16"),
                     ("luat 33", "33/2013/QH13")]
        for (query, number) in named {
            let first = try XCTUnwrap(archive.search(SearchRequest(query: query)).hits.first, query)
            XCTAssertEqual(first.number, number, query)
            XCTAssertTrue(first.numberMatch, query)
        }
        XCTAssertFalse(try archive.search(SearchRequest(query: "luat 33")).hits.first?.inArchive ?? true)
        XCTAssertEqual(try archive.search(SearchRequest(query: "nghi quyet 41 ubtvqh")).hits.first?.numberMatch, true,
                       "the Standing Committee's code without its term")
        XCTAssertEqual(try archive.search(SearchRequest(query: "mức chi", issuer: "UBTVQH")).hits.map(\.number), ["41/2026/UBTVQH16"])
        XCTAssertFalse(try archive.search(SearchRequest(query: "quyet dinh 12")).hits.first?.numberMatch ?? false, "12/2026/QH16 is a law")
    }

    func testNoDocumentWithEveryWordFallsBackToMostOfThem() throws {
        let results = try search("ai phải báo cáo trước 15 tháng 12")
        XCTAssertEqual(results.notice, SearchResults.anyWordNotice)
        let first = try XCTUnwrap(results.hits.first)
        XCTAssertEqual(first.number, "60-CTr/ĐUK")
        XCTAssertTrue(first.passages.first?.snippet.text.contains("15 tháng 12") == true, "\(first.passages.first?.snippet.text ?? "")")
        XCTAssertNil(try search("báo cáo").notice, "every word found: no notice")
        XCTAssertEqual(try search("zzzxq qqqzz").total, 0, "nothing anywhere: still nothing")
    }

    func testFilters() throws {
        XCTAssertTrue(try search("dân vận", type: "CV").hits.allSatisfy { $0.number == "84-CV/ĐU" })
        XCTAssertTrue(try search("dân vận", type: "chương trình").hits.allSatisfy { $0.number == "60-CTr/ĐUK" })
        XCTAssertTrue(try search("dân vận", issuer: "ĐUK").hits.allSatisfy { $0.number == "60-CTr/ĐUK" })
        XCTAssertTrue(try search("dân vận", issuer: "dang uy so tu phap").hits.allSatisfy { $0.number == "84-CV/ĐU" })
        XCTAssertEqual(try search("dân vận", from: 2015, to: 2018).total, 0)
        XCTAssertGreaterThan(try search("dân vận", from: 2014, to: 2014).total, 0)
        XCTAssertEqual(try files("báo cáo").intersection(try Set(search("báo cáo", from: 2019).hits.compactMap(\.file))), ["minimal-pairs.txt"])
        XCTAssertThrowsError(try search("dân vận", type: "XYZ"))
    }

    /// Facets count every matching document: the same as reading every document's text and
    /// counting those that hold the phrase.
    func testFacetsCountEveryMatch() throws {
        let texts = try Self.archive.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.type_code, d.year, group_concat(p.title || ' ' || p.heading || ' ' || p.body, ' ') AS text
                FROM documents d JOIN passage_texts p ON p.document_id = d.id GROUP BY d.id
                """).map { (type: $0["type_code"] as String?, year: $0["year"] as Int?, text: ($0["text"] as String).lowercased()) }
        }
        for phrase in ["báo cáo", "chi bộ", "đảng viên"] {
            let results = try search("\"\(phrase)\"", limit: 1)
            let holding = texts.filter { $0.text.contains(phrase) }
            XCTAssertEqual(results.total, holding.count, phrase)
            let types = Dictionary(grouping: holding.compactMap(\.type), by: { $0 }).mapValues(\.count)
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: results.facets.types.map { ($0.value, $0.count) }), types, phrase)
            let years = Dictionary(grouping: holding.compactMap(\.year), by: { $0 }).mapValues(\.count)
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: results.facets.years.map { (Int($0.value)!, $0.count) }), years, phrase)
        }
    }

    func testSortByDate() throws {
        let dates = try search("chi bộ", order: .date).hits.compactMap(\.date)
        XCTAssertEqual(dates, dates.sorted(by: >))
        XCTAssertEqual(dates.first, "2019-03-12")
    }

    func testPagingCountsDocuments() throws {
        let all = try search("đảng", limit: 50)
        let first = try Self.archive.search(SearchRequest(query: "đảng", limit: 2))
        let second = try Self.archive.search(SearchRequest(query: "đảng", limit: 2, offset: try XCTUnwrap(first.nextOffset)))
        XCTAssertEqual(second.total, first.total)
        XCTAssertEqual((first.hits + second.hits).map(\.file), Array(all.hits.prefix(4)).map(\.file))
        XCTAssertThrowsError(try Self.archive.search(SearchRequest(query: "đảng", limit: 0)))
        XCTAssertThrowsError(try Self.archive.search(SearchRequest(query: "đảng", limit: 101)))
        XCTAssertThrowsError(try Self.archive.search(SearchRequest(query: "đảng", offset: 10_001)))
    }

    /// The search index and the exhaustive path give the same documents, scores, passages and counts.
    func testExhaustiveAgreesOnTheSeedCorpus() throws {
        for query in ["dang uy", "dân vận", "\"quy chế dân chủ\"", "dân*", "dân vận -khéo", "thuỷ OR tuyên", "84-CV/ĐU",
                      "ai phải báo cáo trước 15 tháng 12", "Quy chế dân chủ ở cơ sở"] {
            for order in SearchRequest.Order.allCases {
                let request = SearchRequest(query: query, limit: 20, order: order)
                var slow = request
                slow.exhaustive = true
                let fast = try Self.archive.search(request), exhaustive = try Self.archive.search(slow)
                XCTAssertEqual(fast.hits, exhaustive.hits, query)
                XCTAssertEqual(fast.total, exhaustive.total, query)
                XCTAssertEqual(fast.facets, exhaustive.facets, query)
            }
        }
    }

    func testHostileInputNeverLeaksAnEngineError() {
        let hostile = [
            "\"unbalanced", "NĐ-CP", "15/2020/NĐ-CP", "a AND", "AND", "OR", "NOT", "(", ")", "*", "^dân", "body:dân",
            "dân NEAR(vận)", "'; DROP TABLE documents; --", "\" OR 1=1 --", "\u{0}\u{1}\u{7}dân", "-", "- -", "--dân",
            "\u{301}\u{301}", String(repeating: "dân ", count: 2_500), String(repeating: "x", count: 10_000), "", "   ",
            "{dân vận}", "dân:*", "NEAR(\"a\" \"b\", 2)", "\\", "%", "\"\"", "***", "+dân", "dân OR", "OR dân",
            "\u{E000}dân", "dân\u{2029}vận", "\u{1}dan",
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
        XCTAssertEqual(view.paragraphs.first?.text, "2. Yêu cầu")
        XCTAssertEqual(view.paragraphs.first?.heading, true, "the heading of the section under it")
        XCTAssertEqual(view.paragraphs.dropFirst().first?.section, "2. Yêu cầu")
        XCTAssertEqual(view.paragraphs.filter(\.heading).count, Set(view.paragraphs.map(\.section).filter { !$0.isEmpty }).count,
                       "each section has its heading")
        XCTAssertThrowsError(try Self.archive.document(numbered: "nq 25")) { error in
            XCTAssertEqual(error as? VanBanError, .notFound("No document numbered nq 25 in the archive."))
        }
        // A heading's words are found in the section of the passages under it, as a heading.
        let hit = try XCTUnwrap(try search("\"Các chỉ tiêu chủ yếu\"").hits.first { $0.number == "60-CTr/ĐUK" })
        let headings = Set(view.paragraphs.filter(\.heading).map(\.ordinal))
        XCTAssertFalse(hit.passages.isEmpty)
        for passage in hit.passages {
            XCTAssertFalse(headings.contains(passage.ordinal), "\(passage.ordinal) is a heading")
            XCTAssertEqual(passage.section, "II. MỤC TIÊU, CHỈ TIÊU › 2. Các chỉ tiêu chủ yếu")
            XCTAssertFalse(passage.sectionHighlights.isEmpty)
        }
    }
}
