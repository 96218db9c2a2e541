import Foundation
import GRDB
@testable import VanBan
import XCTest

/// Quotes and summaries are cut at word boundaries, from offsets that are right: every stored
/// sentence span (of citations and of requirements) starts and ends on a word boundary, and
/// every citation span is its text, across the seed, a generated corpus and a document whose
/// text has characters outside the Basic Multilingual Plane (where UTF-16 offsets and code
/// points part).
final class WordBoundaryTests: XCTestCase {
    nonisolated(unsafe) static var archive: Archive!

    static let astral = """
        ---
        number: 9-KH/ĐU
        type: Kế hoạch
        issuer: Đảng ủy Sở Tư pháp
        date: 2015-02-10
        title: Kế hoạch kiểm tra việc thực hiện Chương trình số 60-CTr/ĐUK
        ---
        📌 Ghi chú 𝐀: thực hiện Chương trình số 60-CTr/ĐUK ngày 29/5/2014 của Đảng ủy Khối các cơ quan tỉnh.
        """

    override class func setUp() {
        let folder = try! Support.corpusCopy()
        let generator = Support.repository.appendingPathComponent("scripts/gen_corpus.py")
        let generated = folder.appendingPathComponent("generated")
        let made = try! Support.run(URL(fileURLWithPath: "/usr/bin/env"),
                                    ["python3", generator.path, "--out", generated.path, "--count", "300", "--seed", "5", "--jobs", "2"])
        precondition(made.status == 0, "gen_corpus.py failed: \(made.stderr)")
        try? FileManager.default.removeItem(at: generated.appendingPathComponent("ground_truth.jsonl"))
        try! astral.write(to: folder.appendingPathComponent("9-KH-DU.txt"), atomically: true, encoding: .utf8)
        archive = try! Support.archive(of: folder).0
    }

    private struct Span {
        let kind: String
        let document: String
        let text: [Unicode.Scalar]
        let sentence: Range<Int>
        let citation: Range<Int>?
        let citationText: String?
    }

    private func spans() throws -> [Span] {
        try Self.archive.read { db in
            let citations = try Row.fetchAll(db, sql: """
                SELECT d.path, c.sentence_start, c.sentence_end, c.start, c.end, t.text,
                    CASE p.ordinal WHEN 0 THEN p.title ELSE p.body END AS passage
                FROM citations c JOIN citation_texts t ON t.id = c.id JOIN documents d ON d.id = c.document_id
                JOIN passage_texts p ON p.document_id = c.document_id AND p.ordinal = c.passage
                """).map { row in
                Span(kind: "citation", document: row[0], text: Array((row[6] as String).unicodeScalars), sentence: row[1]..<row[2],
                     citation: row[3]..<row[4], citationText: row[5])
            }
            let requirements = try Row.fetchAll(db, sql: """
                SELECT d.path, r.start, r."end", p.body FROM requirements r JOIN documents d ON d.id = r.document_id
                JOIN passage_texts p ON p.document_id = r.document_id AND p.ordinal = r.passage
                """).map { row in
                Span(kind: "requirement", document: row[0], text: Array((row[3] as String).unicodeScalars), sentence: row[1]..<row[2],
                     citation: nil, citationText: nil)
            }
            return citations + requirements
        }
    }

    func testEveryStoredSentenceSpanStartsAndEndsOnAWordBoundary() throws {
        let spans = try spans()
        XCTAssertGreaterThan(spans.filter { $0.kind == "citation" }.count, 500, "the generated corpus cites")
        XCTAssertGreaterThan(spans.filter { $0.kind == "requirement" }.count, 1_000, "and requires")
        var failures: [String] = []
        for span in spans {
            let sentence = span.sentence
            let inside = sentence.lowerBound >= 0 && sentence.upperBound <= span.text.count && !sentence.isEmpty
            guard inside, WordBoundary.isBoundary(span.text, at: sentence.lowerBound), WordBoundary.isBoundary(span.text, at: sentence.upperBound) else {
                let text = inside ? String(String.UnicodeScalarView(span.text[sentence])) : "\(sentence) of \(span.text.count)"
                failures.append("\(span.kind) in \(span.document): “\(text.prefix(60))…\(text.suffix(30))”")
                continue
            }
            if let citation = span.citation, let expected = span.citationText {
                let stored = String(String.UnicodeScalarView(span.text[citation.clamped(to: 0..<span.text.count)]))
                if stored != expected { failures.append("citation in \(span.document) at \(citation): “\(stored)” is not “\(expected)”") }
                if !sentence.contains(citation.lowerBound) { failures.append("citation in \(span.document): \(citation) outside its sentence \(sentence)") }
            }
        }
        XCTAssertEqual(failures.count, 0, failures.prefix(10).joined(separator: "\n"))
    }

    func testOffsetsAreCodePointsPastCharactersOutsideTheBasicPlane() throws {
        guard case .archived(let view) = try Self.archive.show("9-KH/ĐU") else { return XCTFail("9-KH/ĐU is in the archive") }
        let paragraph = try XCTUnwrap(view.paragraphs.first { $0.text.contains("📌") }, "the emoji is kept")
        let span = try XCTUnwrap(view.citations.first { $0.passage == paragraph.ordinal })
        let scalars = Array(paragraph.text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[span.start..<span.end])), "Chương trình số 60-CTr/ĐUK")
        XCTAssertEqual(span.target?.label, "60-CTr/ĐUK")
        let title = try XCTUnwrap(view.citations.first { $0.passage == 0 }, "the trích yếu's citation")
        let titleScalars = Array(try XCTUnwrap(view.document.title).unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(titleScalars[title.start..<title.end])), "Chương trình số 60-CTr/ĐUK")
        let reference = try XCTUnwrap(view.references.first { $0.passage == paragraph.ordinal })
        let quote = reference.quote
        let marked = quote.highlights.map { String(String.UnicodeScalarView(Array(quote.text.unicodeScalars)[$0[0]..<$0[1]])) }
        XCTAssertEqual(marked, ["Chương trình số 60-CTr/ĐUK"])
    }

    /// 55-QĐ/TW's sentence in the seed runs past what the extraction keeps: it was quoted
    /// "“ười đứng đầu; ...". Now the quote starts at a word and says it was cut.
    func testQuotesCutShortSayWhereAndStartOnAWord() throws {
        let references = try Self.archive.references(of: "60-CTr/ĐUK")
        let cut = try XCTUnwrap(references.first { $0.target?.label == "55-QĐ/TW" })
        XCTAssertTrue(cut.quote.text.hasPrefix("… đứng đầu; tận tụy"), cut.quote.text)
        XCTAssertTrue(cut.sentence.hasPrefix("đứng đầu;"), cut.sentence)
        let end = try XCTUnwrap(references.first { $0.target?.label == "Điều lệ Đảng" })
        XCTAssertTrue(end.quote.text.hasSuffix("kiểm điểm việc …"), end.quote.text)
        let whole = try XCTUnwrap(references.first { $0.target?.label == "768-QĐ/TU" })
        XCTAssertTrue(whole.quote.text.hasPrefix("Cấp ủy cơ sở tập trung"), whole.quote.text)
        XCTAssertFalse(whole.quote.text.contains("…"), "a whole sentence is quoted whole")
        for reference in references {
            let scalars = Array(reference.quote.text.unicodeScalars)
            for mark in reference.quote.highlights {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[mark[0]..<mark[1]])), reference.text, "the citation is marked")
            }
        }
    }

    func testSummariesAreCutAfterAWordWithAnEllipsis() {
        let action = "tham mưu Ban Thường vụ Đảng ủy khối cụ thể hóa quy định, quy chế của Trung ương, của Tỉnh ủy về giám sát"
        for limit in 5..<action.count {
            let cut = action.cutAtWord(limit)
            XCTAssertTrue(cut.hasSuffix(" …"), cut)
            let kept = String(cut.dropLast(2))
            XCTAssertTrue(action.hasPrefix(kept), cut)
            XCTAssertLessThanOrEqual(kept.count, limit)
            let next = action.dropFirst(kept.count).first
            XCTAssertTrue(next == " " || next == ",", "cut after a whole word: “\(cut)”")
            XCTAssertFalse(",;:".contains(kept.last ?? " "), "no dangling punctuation: “\(cut)”")
        }
        XCTAssertEqual(action.cutAtWord(action.count), action, "a text that fits is left whole")
        XCTAssertEqual(WordBoundary.shrunk(3..<20, in: Array("người đứng đầu; tận tụy".unicodeScalars)), 6..<19)
    }
}
