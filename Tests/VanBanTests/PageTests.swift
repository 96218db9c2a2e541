import Foundation
import VanBan
@testable import VanBanServer
import XCTest

/// The pages, served for real over the seed corpus: Vietnamese throughout, the document page an
/// office wants (linked citations, anchors, the authorities table, cited-by grouped, the diagram,
/// requirements), the chain, requirements and calendar pages, search paging, emphasis.
final class PageTests: SeedServerTestCase {
    /// English words a Vietnamese page must not show (none of them is also a Vietnamese word,
    /// as "to", "in" or "an" are). Kept in step with scripts/browser_check.py.
    static let english: Set<String> = [
        "the", "of", "and", "not", "found", "is", "are", "this", "that", "with", "from", "yet", "archive", "document",
        "documents", "page", "next", "previous", "error", "bad", "parameter", "unresolved", "resolved", "external",
        "ambiguous", "cited", "record", "harvested", "implements", "mentions", "disseminates", "follows", "amends",
        "replaces", "repeals", "guides", "search", "results", "none", "must", "number", "query", "missing", "header",
        "metadata", "letter", "cover", "requirements", "calendar", "deadline", "who", "by", "for", "unknown", "invalid",
        "hits", "filter", "year", "type", "issuer", "title", "date", "source", "file", "chain", "diagram", "cannot",
    ]

    /// The text a person sees: tag contents and the attributes read aloud or shown on hover.
    static func visibleText(_ html: String) -> String {
        var text = html.replacing(/<style>[\s\S]*?<\/style>/, with: " ")
        var attributes: [String] = []
        for match in text.matches(of: /(?:title|placeholder|aria-label|alt)="([^"]*)"/) { attributes.append(String(match.1)) }
        text = text.replacing(/<[^>]*>/, with: " ")
        return (text + " " + attributes.joined(separator: " "))
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
    }

    private func assertVietnamese(_ target: String, status: Int = 200, file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let reply = try await server.get(target)
        XCTAssertEqual(reply.status, status, target, file: file, line: line)
        XCTAssertEqual(reply.contentType, "text/html; charset=utf-8", target, file: file, line: line)
        let words = Self.visibleText(reply.text).split { !$0.isLetter }.map { $0.lowercased() }
        let english = Set(words.filter { Self.english.contains($0) })
        XCTAssertEqual(english, [], "English on \(target)", file: file, line: line)
        XCTAssertTrue(reply.text.contains("<html lang=\"vi\">"), target, file: file, line: line)
        return reply.text
    }

    func testEveryPageIsVietnameseErrorsIncluded() async throws {
        for target in ["/", "/?q=dan+van+kheo", "/?q=nq+25", "/?q=dang+uy&limit=1&offset=1", "/view/60-CTr%2F%C4%90UK",
                       "/view/84-CV%2F%C4%90U", "/view/164-KH%2FTU", "/view/%C4%90i%E1%BB%81u%20l%E1%BB%87%20%C4%90%E1%BA%A3ng",
                       "/view/84-CV%2F%C4%90U/chain", "/view/25-NQ%2FTW/chain", "/view/60-CTr%2F%C4%90UK/diagram",
                       "/obligations", "/obligations?who=btg", "/calendar", "/calendar?who=chi+b%E1%BB%99"] {
            _ = try await assertVietnamese(target)
        }
        let problems: [(String, Int, String)] = [
            ("/view/nq%2099", 404, "Không có văn bản “nq 99” trong kho"),
            ("/?q=a&limit=500", 400, "(limit) phải là số nguyên từ 1 đến 100"),
            ("/?q=a&offset=-1", 400, "(offset) phải là số nguyên từ 0 đến 10000"),
            ("/?q=-khéo", 400, "chỉ có từ loại trừ"),
            ("/?q=a&from=2020&to=2010", 400, "Khoảng năm trống"),
            ("/?q=a&type=zz", 400, "Không có loại văn bản “zz”"),
            ("/view/84-CV%2F%C4%90U/chain?depth=99", 400, "(depth) phải là số nguyên từ 1 đến 20"),
            ("/obligations?due=m%C6%B0%E1%BB%9Di", 400, "“Đến hạn trong” nhận một tháng"),
        ]
        for (target, status, words) in problems {
            let page = try await assertVietnamese(target, status: status)
            XCTAssertTrue(page.contains("class=\"problem\""), target)
            XCTAssertTrue(page.contains(words), "\(target): \(Self.visibleText(page))")
        }
        // An address that cannot be decoded (sent as written: URLSession would encode the "%").
        let undecodable = try server.raw("/?q=%zz")
        XCTAssertEqual(undecodable.status, 400)
        XCTAssertEqual(undecodable.contentType, "text/html; charset=utf-8")
        XCTAssertTrue(undecodable.text.contains("mã hóa sai"), undecodable.text)
    }

    func testDocumentPageLinksItsCitationsAndAnchorsItsSections() async throws {
        let page = try await server.get("/view/60-CTr%2F%C4%90UK").text
        // The text: citations are links, to the harvested record when not in the archive.
        XCTAssertTrue(page.contains("<a href=\"/view/101-Q%C4%90%2FTW\" title=\"Quy định 101-QĐ/TW — chưa có trong kho\" class=\"external-link\">Quy định số 101-QĐ/TW</a>"), page)
        XCTAssertTrue(page.contains("<a href=\"/view/164-KH%2FTU\""))
        // Every section and paragraph has an anchor, and the contents link to the sections.
        // A section opened by a heading paragraph takes its anchor, and the heading is not shown twice.
        XCTAssertTrue(page.contains("<h2 class=\"heading\" id=\"p1\">2. Yêu cầu</h2>"))
        XCTAssertTrue(page.contains("<p class=\"para\" id=\"p2\">"))
        XCTAssertFalse(page.contains("<p class=\"para\" id=\"p1\">"))
        let sections = page.matches(of: /<h2 class="heading" id="(muc-\d+|p\d+)">/).map { String($0.1) }
        XCTAssertGreaterThan(sections.count, 8)
        for section in sections { XCTAssertTrue(page.contains("<a href=\"#\(section)\">"), section) }
        // The authorities table lists each cited document once, with all of its relations.
        let table = try XCTUnwrap(page.components(separatedBy: "id=\"dan-chieu\"").dropFirst().first?.components(separatedBy: "</table>").first)
        XCTAssertEqual(table.components(separatedBy: "<tr><td><a href=\"/view/164-KH%2FTU\"").count - 1, 1, "164-KH/TU once")
        XCTAssertEqual(table.components(separatedBy: "<tr><td><a href=\"/view/768-Q%C4%90%2FTU\"").count - 1, 1, "768-QĐ/TU once")
        XCTAssertTrue(table.contains("<td>thực hiện; theo</td><td>2</td>"), "768-QĐ/TU: two relations, two citations")
        // Every place of a citation links to a paragraph that exists.
        for place in Set(table.matches(of: /<a href="#(p\d+)">/).map { String($0.1) }) {
            XCTAssertTrue(page.contains("id=\"\(place)\""), place)
        }
        // Cited by: 84-CV/ĐU once, its places on its own page.
        XCTAssertTrue(page.contains("<a href=\"/view/84-CV%2F%C4%90U#p"), "places in the citing document link there")
        // Emphasis as emphasis, the address as a link, nothing raw.
        XCTAssertTrue(page.contains("<em>về tăng cường và đổi mới sự lãnh đạo"), "italic")
        XCTAssertTrue(page.contains("<strong>trước 15 tháng 12 hàng năm.</strong>") || page.contains("<strong>trước 15 tháng 12 hàng năm"), "bold")
        XCTAssertFalse(Self.visibleText(page).contains("*về"), "no raw asterisks")
        XCTAssertFalse(Self.visibleText(page).contains("**"))
        let letter = try await server.get("/view/84-CV%2F%C4%90U").text
        XCTAssertTrue(letter.contains("<a href=\"http://stp.dongnai.gov.vn/vanbanphapquy\" rel=\"noopener noreferrer\" class=\"web\">http://stp.dongnai.gov.vn/vanbanphapquy</a>"), letter)
        XCTAssertFalse(letter.contains("&lt;http"))
        XCTAssertEqual(letter.components(separatedBy: "<tr><td><a href=\"/view/60-CTr%2F%C4%90UK\"").count - 1, 1, "60-CTr/ĐUK once in 84-CV/ĐU's table")
        XCTAssertTrue(letter.contains("<td>thực hiện; quán triệt, triển khai; dẫn chiếu</td><td>3</td>"), letter)
    }

    func testRequirementsLinkToTheirSentenceInTheText() async throws {
        let page = try await server.get("/view/60-CTr%2F%C4%90UK").text
        let anchors = Set(page.matches(of: /id="(yc-\d+)"/).map { String($0.1) })
        let links = Set(page.matches(of: /<a href="#(yc-\d+)">/).map { String($0.1) })
        XCTAssertGreaterThan(links.count, 40, "each requirement links to its sentence")
        XCTAssertEqual(links.subtracting(anchors), [], "and every sentence is anchored in the text")
        XCTAssertTrue(page.contains("hằng năm, trước ngày 15/12"), "the deadline read")
        XCTAssertTrue(page.contains("(“trước 15 tháng 12 hàng năm”)"), "then in the document's words")

        let list = try await assertVietnamese("/obligations?who=btg")
        let listed = list.matches(of: /<a href="\/view\/60-CTr%2F%C4%90UK#(yc-\d+)">/).map { String($0.1) }
        XCTAssertFalse(listed.isEmpty)
        XCTAssertEqual(Set(listed).subtracting(anchors), [])
        let upper = try await server.get("/obligations?who=BTG").text
        XCTAssertEqual(upper.matches(of: /#yc-\d+/).count, list.matches(of: /#yc-\d+/).count, "abbreviations in any case")
        let calendar = try await assertVietnamese("/calendar")
        for month in ["thang-6", "thang-10", "thang-12", "dinh-ky"] { XCTAssertTrue(calendar.contains("id=\"\(month)\""), month) }
        XCTAssertTrue(calendar.contains("<h2>Tháng 12 ("))
        XCTAssertTrue(calendar.contains("href=\"/view/60-CTr%2F%C4%90UK#yc-"))
    }

    func testChainTreeWalksThreeStepsAndTheDiagramLinksItsNodes() async throws {
        var target = "/view/84-CV%2F%C4%90U/chain"
        for next in ["60-CTr%2F%C4%90UK", "164-KH%2FTU", "25-NQ%2FTW"] {
            let page = try await assertVietnamese(target)
            XCTAssertTrue(page.contains("href=\"/view/\(next)/chain\""), "\(target) leads to \(next)")
            target = "/view/\(next)/chain"
        }
        let top = try await assertVietnamese(target)
        XCTAssertTrue(top.contains("được thực hiện bởi"), "down from 25-NQ/TW")
        XCTAssertTrue(top.contains("href=\"/view/164-KH%2FTU\""))

        guard Graphviz.executable != nil else { throw XCTSkip("Graphviz's dot is not installed (scripts/install-deps.sh installs it)") }
        let diagram = try await assertVietnamese("/view/60-CTr%2F%C4%90UK/diagram")
        XCTAssertTrue(diagram.contains("<svg"), diagram)
        XCTAssertFalse(diagram.contains("<?xml"))
        for node in ["84-CV%2F%C4%90U", "164-KH%2FTU", "101-Q%C4%90%2FTW"] {
            XCTAssertTrue(diagram.contains("xlink:href=\"/view/\(node)\""), node)
        }
        XCTAssertTrue(diagram.contains("Văn bản được thực hiện"), "groups named as the national database names them")
        XCTAssertTrue(diagram.contains("Văn bản thực hiện"))
        let page = try await server.get("/view/60-CTr%2F%C4%90UK").text
        XCTAssertTrue(page.contains("<div class=\"diagram\"><svg"), "the document page draws it too")
    }

    func testSearchPagesForwardAndBackTheTitleOnceAndTheReading() async throws {
        let first = try await assertVietnamese("/?q=dang+uy&limit=1")
        XCTAssertTrue(first.contains("rel=\"next\" href=\"/?q=dang%20uy&amp;limit=1&amp;offset=1\""), first)
        XCTAssertFalse(first.contains("rel=\"prev\""))
        XCTAssertTrue(first.contains("Trang 1/2"))
        let last = try await assertVietnamese("/?q=dang+uy&limit=1&offset=1")
        XCTAssertTrue(last.contains("rel=\"prev\" href=\"/?q=dang%20uy&amp;limit=1\""), "the last page leads back")
        XCTAssertFalse(last.contains("rel=\"next\""))
        XCTAssertTrue(last.contains("Trang 2/2"))
        let past = try await assertVietnamese("/?q=dang+uy&offset=50")
        XCTAssertTrue(past.contains("Không còn văn bản nào sau vị trí 50"))
        XCTAssertTrue(past.contains("rel=\"prev\" href=\"/?q=dang%20uy\">Về trang đầu"))

        let number = try await assertVietnamese("/?q=84+-+CV%2F%C4%90U")
        XCTAssertTrue(number.contains("Đã đọc là: số hiệu 84-CV/ĐU"))
        let title = "triển khai thực hiện Chương trình hành động của Đảng ủy Khối thực hiện Kế hoạch 164-KH/TU"
        let hit = try XCTUnwrap(number.components(separatedBy: "<li>").dropFirst().first)
        XCTAssertEqual(Self.visibleText(hit).components(separatedBy: title).count - 1, 1, "the title once: \(Self.visibleText(hit))")
        let words = try await assertVietnamese("/?q=dan+van+kh%C3%A9o")
        XCTAssertTrue(words.contains("từ “dan” (mọi dấu)"))
        XCTAssertTrue(words.contains("từ “khéo” (đúng dấu)"))
        let cited = try await assertVietnamese("/?q=nq+25")
        XCTAssertTrue(cited.contains("chưa có toàn văn trong kho; được dẫn chiếu"))
    }

    /// Numbers restart: two Đảng ủy may both send a 5-CV/ĐU. The number's page lists both, and
    /// each opens by its file, as search hits link to them.
    func testANumberOfSeveralDocumentsListsThemAndEachOpens() async throws {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        for (file, issuer, date) in [("a.txt", "Đảng ủy Sở Tư pháp", "2015-03-02"), ("b.txt", "Đảng ủy Sở Y tế", "2016-04-05")] {
            try Support.write(Array("""
                ---
                number: 5-CV/ĐU
                type: Công văn
                issuer: \(issuer)
                date: \(date)
                title: Công văn về việc học tập Nghị quyết
                ---
                Đề nghị các chi bộ tổ chức học tập Nghị quyết.
                """.utf8), file, in: folder)
        }
        let own = try await TestServer.start(archive: Support.archive(of: folder).0)
        addTeardownBlock { await own.stop() }
        let both = try await own.get("/view/5-CV%2F%C4%90U")
        XCTAssertEqual(both.status, 404)
        XCTAssertTrue(both.text.contains("là số hiệu của nhiều văn bản"), both.text)
        let links = both.text.matches(of: /<a href="(\/view\/5-CV%2F%C4%90U\?file=[^"]+)">/).map { String($0.1) }
        XCTAssertEqual(links, ["/view/5-CV%2F%C4%90U?file=a.txt", "/view/5-CV%2F%C4%90U?file=b.txt"])
        for (link, issuer) in zip(links, ["Đảng ủy Sở Tư pháp", "Đảng ủy Sở Y tế"]) {
            let page = try await own.get(link)
            XCTAssertEqual(page.status, 200)
            XCTAssertTrue(page.text.contains("<dd>\(issuer)</dd>"), link)
        }
        let search = try await own.get("/?q=hoc+tap").text
        XCTAssertEqual(Set(search.matches(of: /<li><a href="([^"#]+)">/).map { String($0.1) }), Set(links), "hits link by file")
    }

    func testInlineMarkupNestsWhateverTheSpans() {
        XCTAssertEqual(Inline.html("a *về tăng* b **đậm** c"), "a <em>về tăng</em> b <strong>đậm</strong> c")
        XCTAssertEqual(Inline.html("cắt giữa **đậm"), "cắt giữa đậm", "a ** without its pair is markup, hidden")
        XCTAssertEqual(Inline.html("ghi chú (*) và * rời"), "ghi chú (*) và * rời", "a lone * is text")
        XCTAssertEqual(Inline.html("<x> & \"y\""), "&lt;x&gt; &amp; &quot;y&quot;")
        // A highlight across the end of an emphasis: the tags are closed and reopened, never crossed.
        XCTAssertEqual(Inline.html("*dân vận* khéo", highlights: [[5, 13]]), "<em>dân <mark>vận</mark></em><mark> khé</mark>o")
        let link = Inline.Span(range: 0..<8, kind: .link, attributes: "href=\"/view/x\"")
        XCTAssertEqual(Inline.html("Kế hoạch 45", highlights: [[3, 11]], spans: [link]),
                       "<a href=\"/view/x\">Kế <mark>hoạch</mark></a><mark> 45</mark>")
        XCTAssertEqual(Inline.html("tại: <https://a.vn/b>."),
                       "tại: <a href=\"https://a.vn/b\" rel=\"noopener noreferrer\" class=\"web\">https://a.vn/b</a>.")
    }
}
