import VanBan
import XCTest

/// A document's own effect clause, and the parts a change names, read from text alone.
final class EffectTests: XCTestCase {
    private let finder = EffectFinder(rules: Support.rules)
    private let parts = PartReader(rules: Support.rules)

    private func clause(_ passages: [String], type: String? = "QĐ") -> EffectClause {
        finder.clause(in: passages, typeCode: type)
    }

    func testTheFormsOfTheDayItTakesEffect() {
        let cases: [(String, String?, EffectClause.Start)] = [
            ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "QĐ", .signing),
            ("1. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.", "QĐ", .signing),
            ("1. Hướng dẫn này có hiệu lực từ ngày ký, thay thế Hướng dẫn số 11-HD/VPTW, ngày 28/5/2004.", "HD", .signing),
            ("1. Nghị định này có hiệu lực thi hành kể từ ngày 30 tháng 12 năm 2025.", "NĐ", .date("2025-12-30")),
            ("Quy định này được ban hành trong hệ thống Đảng tới các chi bộ, có hiệu lực thi hành từ ngày 01/7/2025.", "QĐi", .date("2025-07-01")),
            ("Điều 3. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký.", "QĐ", .afterSigning(days: 10)),
            ("Thông tư này có hiệu lực thi hành sau 45 ngày kể từ ngày ký ban hành.", "TT", .afterSigning(days: 45)),
            // Unaccented, and in NFD as Word writes it: the same clause.
            ("Quyet dinh nay co hieu luc ke tu ngay ky.", "QĐ", .signing),
            ("Quyết định này có hiệu lực kể từ ngày ký".decomposedStringWithCanonicalMapping, "QĐ", .signing),
            // The document's type unknown: any "<type> này" or "văn bản này".
            ("Văn bản này có hiệu lực kể từ ngày 05/01/2026.", nil, .date("2026-01-05")),
        ]
        for (text, type, start) in cases {
            let found = clause([text], type: type)
            XCTAssertEqual(found.start, start, text)
            XCTAssertEqual(found.startSentence?.passage, 0, text)
            XCTAssertTrue(found.startSentence.map { VietText.key(text).contains(VietText.key($0.text)) } ?? false, text)
        }
    }

    func testClausesAboutOtherDocumentsAreNotItsOwn() {
        for text in [
            "Điều 1. Công bố Nghị định số 24/2016/NĐ-CP ngày 05 tháng 4 năm 2016 của Chính phủ tiếp tục có hiệu lực thi hành kể từ năm ngân sách 2026.",
            "Trong thời hạn 60 ngày làm việc kể từ ngày quyết định có hiệu lực, đảng viên phải làm thủ tục chuyển sinh hoạt đảng.",
            "1. Điều lệ Quỹ có 8 Chương, 28 Điều và có hiệu lực thi hành kể từ ngày được Chủ tịch Ủy ban nhân dân tỉnh quyết định công nhận.",
            "Quyết định này được gửi tới các sở; Nghị định số 15/2020/NĐ-CP có hiệu lực từ ngày 01/7/2020.",
        ] {
            XCTAssertTrue(clause([text]).isEmpty, text)
        }
    }

    func testTheDocumentsOwnTypeWinsOverWhatItIssues() {
        let found = clause(["Quy chế này có hiệu lực từ ngày 01/01/2025.", "Quyết định này có hiệu lực kể từ ngày ký."], type: "QĐ")
        XCTAssertEqual(found.start, .signing)
        XCTAssertEqual(found.startSentence?.passage, 1)
        // "QĐ" is written for Quy định too: a Quy định's "Quyết định này" is its own.
        XCTAssertEqual(clause(["Quy định này có hiệu lực từ ngày 01/7/2025."], type: "QĐ").start, .date("2025-07-01"))
    }

    func testTheLastDayInForce() {
        let until = clause(["Điều 2. Quyết định này có hiệu lực kể từ ngày ký đến hết ngày 31 tháng 12 năm 2021."])
        XCTAssertEqual(until.start, .signing)
        XCTAssertEqual(until.ends, "2022-01-01", "the first day no longer in force")
        let stops = clause(["Kế hoạch này hết hiệu lực kể từ ngày 01/01/2022."], type: "KH")
        XCTAssertNil(stops.start)
        XCTAssertEqual(stops.ends, "2022-01-01")
        XCTAssertTrue(stops.endSentence?.text.hasPrefix("Kế hoạch này hết hiệu lực") ?? false)
        // "chấm dứt hiệu lực của Quyết định số ..." ends another document, with no date: not its own end.
        XCTAssertTrue(clause(["Điều 3. Chấm dứt hiệu lực của Quyết định số 5/2020/QĐ-UBND."]).isEmpty)
    }

    func testEffectReadAgainstTheSigningDate() {
        XCTAssertEqual(Effect(EffectClause(start: .afterSigning(days: 10)), signed: "2019-03-15").starts, "2019-03-25")
        XCTAssertEqual(Effect(EffectClause(start: .afterSigning(days: 10)), signed: "2024-12-25").starts, "2025-01-04")
        XCTAssertEqual(Effect(EffectClause(start: .afterSigning(days: 45)), signed: "2024-02-01").starts, "2024-03-17")
        let signing = Effect(EffectClause(start: .signing), signed: "2025-06-30")
        XCTAssertEqual(signing.starts, "2025-06-30")
        XCTAssertEqual(signing.basis, .signing)
        let assumed = Effect(EffectClause(), signed: "2025-08")
        XCTAssertEqual(assumed.starts, "2025-08", "a blank day leaves the month, never a guessed day")
        XCTAssertEqual(assumed.basis, .assumed)
        XCTAssertEqual(Effect(EffectClause(start: .afterSigning(days: 10)), signed: "2025-08").starts, "2025-08")
        XCTAssertEqual(Effect(EffectClause(start: .date("2026-01-01")), signed: "2025-12-22").basis, .stated)
    }

    func testThePartAChangeNames() {
        XCTAssertEqual(parts.part(in: " khoản 1 Điều 12 "), "khoản 1 Điều 12")
        XCTAssertEqual(parts.part(in: " Điều 5 và khoản 2 Điều 7 của "), "Điều 5 và khoản 2 Điều 7")
        XCTAssertEqual(parts.part(in: " chương III "), "chương III")
        XCTAssertEqual(parts.part(in: " điểm a khoản 2 Điều 3 tại "), "điểm a khoản 2 Điều 3")
        XCTAssertNil(parts.part(in: " một số điều của "))
        XCTAssertNil(parts.part(in: " toàn bộ "))
        XCTAssertNil(parts.part(in: " Điều lệ được công nhận tại "))
        XCTAssertNil(parts.part(in: ""))
        XCTAssertEqual(parts.article(in: "Điều 3. Quyết định này có hiệu lực", before: 0), "Điều 3")
        XCTAssertEqual(parts.article(in: "ĐIỀU 12. Hiệu lực", before: 0), "ĐIỀU 12")
        XCTAssertNil(parts.article(in: "Điều lệ này thay thế", before: 0))
        // Articles joined into one paragraph: the last one opening a sentence before the offset.
        let joined = "QUYẾT ĐỊNH: Điều 1. Ban hành theo Điều 5 của Quy định. Điều 3. Quyết định này có hiệu lực kể từ ngày ký."
        let offset = joined.utf16.count - "Quyết định này có hiệu lực kể từ ngày ký.".utf16.count
        XCTAssertEqual(parts.article(in: joined, before: offset), "Điều 3")
        XCTAssertEqual(parts.article(in: joined, before: 20), "Điều 1", "not \"Điều 5\", which opens no sentence")
    }

    func testDaysAsPeopleTypeThem() {
        XCTAssertEqual(Limits.parseDay("2025-12-31"), "2025-12-31")
        XCTAssertEqual(Limits.parseDay("31/12/2025"), "2025-12-31")
        XCTAssertEqual(Limits.parseDay("1/7/2024"), "2024-07-01")
        XCTAssertNil(Limits.parseDay("2025-02-30"))
        XCTAssertNil(Limits.parseDay("hôm nay"))
        XCTAssertNil(Limits.parseDay("2025"))
    }
}
