import Foundation
import VanBan
import XCTest

/// The header layouts of real documents, each reproduced in a fixture of `Fixtures/layouts/`
/// written for these tests: two columns flattened with spaces, with " | ", or interleaved;
/// spaces before the slash; a signed PDF's blank number and day; stamps, page markers and OCR
/// noise; titles over several lines; wrapped lines that begin with a number; split numbers;
/// appendix tables.
final class LayoutTests: XCTestCase {
    private func parse(_ name: String) throws -> ParsedDocument {
        let url = Support.fixtures.appendingPathComponent("layouts/\(name)")
        return DocumentParser(rules: Support.rules).parse(try TextDecoder.decode([UInt8](Data(contentsOf: url))).text)
    }

    func testTwoColumnsFlattenedWithSpaces() throws {
        let document = try parse("two-columns-spaces.txt")
        let metadata = document.metadata
        XCTAssertEqual(metadata.number?.symbol, "9387/UBND-KT", "a space before the slash")
        XCTAssertEqual(metadata.typeCode, "CV")
        XCTAssertEqual(metadata.issuer, "Ủy ban nhân dân tỉnh Lào Cai", "ỦY BAN NHÂN DÂN over TỈNH LÀO CAI, each beside the motto")
        XCTAssertEqual(metadata.place, "Lào Cai")
        XCTAssertEqual(metadata.date, "2026-09-15")
        XCTAssertEqual(metadata.title, "tăng cường phòng, chống sạt lở đất trong mùa mưa bão năm 2026", "not cut at its line break")
        XCTAssertEqual(metadata.recipients, ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường", "Như trên", "Lưu: VT"],
                       "Kính gửi, then Nơi nhận (the left column beside the signature)")
        XCTAssertEqual(metadata.signerRole, "TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH")
        XCTAssertEqual(metadata.signer, "Nguyễn Văn Bình")
        XCTAssertTrue(document.passages[0].text.hasPrefix("Thực hiện Công điện số 16/CĐ-TTg"))
        XCTAssertFalse(document.passages[0].text.contains("  "), "runs of spaces read as one")
        XCTAssertEqual(document.passages.map(\.headingPath).filter { !$0.isEmpty }.count, 0, "numbered requirements are items, not headings")
    }

    func testTwoColumnsSeparatedByBars() throws {
        let metadata = try parse("two-columns-bars.txt").metadata
        XCTAssertEqual(metadata.number?.symbol, "2449-CV/HU", "\"2449 -CV/HU\", and Số without a colon")
        XCTAssertEqual(metadata.typeCode, "CV")
        XCTAssertEqual(metadata.issuer, "Huyện ủy Mai Sơn")
        XCTAssertEqual(metadata.parentIssuer, "Đảng bộ tỉnh Sơn La")
        XCTAssertEqual(metadata.place, "Mai Sơn")
        XCTAssertEqual(metadata.date, "2026-04-03")
        XCTAssertEqual(metadata.title, "tổ chức hội nghị sơ kết công tác dân vận")
        XCTAssertEqual(metadata.signer, "Lò Văn Khánh")
    }

    func testInterleavedColumnsWithOCRNoise() throws {
        let document = try parse("interleaved-ocr.txt")
        let metadata = document.metadata
        XCTAssertEqual(metadata.number?.symbol, "75-KL/TW")
        XCTAssertEqual(metadata.typeCode, "KL", "KÉT LUẬN is KẾT LUẬN read by OCR")
        XCTAssertEqual(metadata.date, "2026-03-12")
        XCTAssertEqual(metadata.place, "Hà Nội")
        XCTAssertEqual(metadata.title, "Kết luận của Bộ Chính trị về tiếp tục đẩy mạnh công tác dân vận trong tình hình mới")
        XCTAssertEqual(VietText.key(metadata.issuer ?? ""), "ban chap hanh trung uong")
        let paths = document.passages.map(\.headingPath)
        XCTAssertTrue(paths.allSatisfy { !$0.contains("75-KL/TW") }, "a wrapped line starting with a number is no heading")
        let first = document.passages.first { $0.text.hasPrefix("Bộ Chính trị đánh giá") }
        XCTAssertEqual(first?.text.contains("Nghị quyết số 10-NQ/TW của Ban Chấp hành"), true, "a number split over lines is one")
        XCTAssertEqual(first?.text.contains("các văn bản 75-KL/TW, Chương trình"), true)
        let basis = document.passages.first { $0.text.hasPrefix("Các cấp ủy đã tổ chức quán triệt") }
        XCTAssertEqual(basis?.text.contains("khoản 3. Xử lý nghiêm vi phạm theo Quyết định số 105/2009/QĐ-TTg"), true,
                       "\"3. Xử lý ...\" after \"khoản\" continues the sentence")
        XCTAssertEqual(basis?.headingPath, "I. KẾT QUẢ › 1. Công tác dân vận được quan tâm")
        XCTAssertEqual(document.passages.last?.headingPath, "II. NHIỆM VỤ › 1. Tăng cường sự lãnh đạo")
        let citations = CitationFinder(rules: Support.rules).citations(in: document)
        XCTAssertTrue(citations.contains { $0.number?.symbol == "10-NQ/TW" })
    }

    func testSignedPDFWithBlankNumberAndDay() throws {
        let document = try parse("signed-pdf-blanks.txt")
        let metadata = document.metadata
        XCTAssertNil(metadata.number, "the number is blank: never invented")
        XCTAssertEqual(metadata.typeCode, "CTr", "the type of \"Số        -CTr/TU\" is kept")
        XCTAssertEqual(metadata.issuer, "Tỉnh ủy Lào Cai")
        XCTAssertNil(metadata.date, "the day is blank")
        XCTAssertEqual(metadata.partialDate, "2026-08")
        XCTAssertEqual(metadata.year, 2026)
        XCTAssertEqual(metadata.place, "Lào Cai")
        XCTAssertEqual(metadata.title, "Chương trình hành động thực hiện Kết luận số 75-KL/TW của Bộ Chính trị về tiếp tục đẩy mạnh công tác dân vận",
                       "three lines and no blank line after: the body is not swallowed")
        XCTAssertEqual(Array(metadata.missingFields.prefix(2)), ["number", "date"])
        XCTAssertTrue(metadata.notes.contains { $0.hasPrefix("number left blank") }, "\(metadata.notes)")
        XCTAssertTrue(metadata.notes.contains { $0.hasPrefix("day left blank") })
        XCTAssertTrue(metadata.notes.contains { $0.contains("28-07-2026 09:58:36 +07:00") }, "the signing time is noted, not read as text")
        let texts = document.passages.map(\.text)
        XCTAssertEqual(texts.first?.hasPrefix("Thực hiện Kết luận số 75-KL/TW"), true)
        XCTAssertFalse(texts.contains { $0.contains("Thời gian ký") || $0.contains("Người ký") }, "the stamp is no paragraph")
        XCTAssertFalse(texts.contains { $0 == "- 2 -" || $0.hasPrefix("Trang 3") }, "page markers are no paragraphs")
        XCTAssertEqual(Support.body(document.passages).map(\.headingPath), ["", "I. MỤC TIÊU", "II. TỔ CHỨC THỰC HIỆN"])
    }

    func testAppendixTableRowsAndStateNumberWithSpace() throws {
        let document = try parse("appendix-table.txt")
        let metadata = document.metadata
        XCTAssertEqual(metadata.number?.symbol, "16/2026/QĐ-UBND")
        XCTAssertEqual(metadata.typeCode, "QĐ")
        XCTAssertEqual(metadata.issuer, "Ủy ban nhân dân tỉnh Bình Thuận")
        XCTAssertEqual(metadata.date, "2026-05-20")
        XCTAssertEqual(metadata.title, "Quyết định Ban hành Quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh",
                       "the authority line under it ends the title")
        let rows = document.passages.map(\.text).filter { $0.contains(" | ") }
        XCTAssertEqual(rows, ["STT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn",
                              "1 | Rà soát quy hoạch cụm công nghiệp | Sở Công Thương | Quý III/2026",
                              "2 | Xây dựng cơ sở dữ liệu cụm công nghiệp | Sở Khoa học và Công nghệ | Tháng 12/2026"],
                       "one passage a row")
        XCTAssertTrue(document.passages.first?.text.hasPrefix("Căn cứ Luật Tổ chức") == true)
    }

    func testGluedDatesRulesEnDashesAndStampsWithoutATimeZone() {
        let text = """
            SAO Y; THÀNH ỦY AN HÒA; 05/02/2026; 09:30:00; +07:00
            THÀNH ỦY AN HÒA      ĐẢNG CỘNG SẢN VIỆT NAM
            BAN TUYÊN GIÁO
            *      ---------------
            Số 08 –HD/BTGTU      -----------An Hòa, ngày 12 tháng3 năm 2026
            Ký bởi: BAN TUYÊN GIÁO THÀNH ỦY AN HÒA
            Thời gian ký: 12/03/2026 10:11:12

            HƯỚNG DẪN
            tuyên truyền kỷ niệm ngày thành lập Đảng

            Các chi bộ tổ chức tuyên truyền sâu rộng.
            """
        let document = DocumentParser(rules: Support.rules).parse(text)
        let metadata = document.metadata
        XCTAssertEqual(metadata.number?.symbol, "08-HD/BTGTU", "an en dash for the hyphen")
        XCTAssertEqual(metadata.date, "2026-03-12", "\"tháng3\" glued, and the rule glued before the place")
        XCTAssertEqual(metadata.place, "An Hòa")
        XCTAssertEqual(metadata.issuer, "Ban Tuyên giáo")
        XCTAssertEqual(metadata.parentIssuer, "Thành ủy An Hòa")
        XCTAssertEqual(metadata.title, "Hướng dẫn tuyên truyền kỷ niệm ngày thành lập Đảng")
        XCTAssertEqual(metadata.notes.filter { $0.hasPrefix("digital signature stamp") }.count, 2, "\(metadata.notes)")
        XCTAssertEqual(document.passages.map(\.text), ["Các chi bộ tổ chức tuyên truyền sâu rộng."])
    }

    func testPreambleAboveTheHeaderIsLeftOut() {
        let text = """
            Cơ quan phát hành: VĂN PHÒNG CHÍNH PHỦ

            THỦ TƯỚNG CHÍNH PHỦ      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 12/CT-TTg            Hà Nội, ngày 5 tháng 2 năm 2026

            CHỈ THỊ
            Về tăng cường kỷ luật hành chính
            Thời gian qua, kỷ luật hành chính có nơi còn chưa nghiêm.
            """
        let metadata = DocumentParser(rules: Support.rules).parse(text).metadata
        XCTAssertEqual(metadata.number?.symbol, "12/CT-TTg")
        XCTAssertEqual(metadata.issuer, "Thủ tướng Chính phủ")
        XCTAssertEqual(metadata.date, "2026-02-05")
        XCTAssertEqual(metadata.title, "Chỉ thị Về tăng cường kỷ luật hành chính")
    }

    func testPortalTextWithLinesBrokenMidPhrase() {
        // What a converter makes of a legal portal's page: the site first, then table cells one
        // a line with bars between, and the header's phrases broken where the page wrapped them.
        let text = """
            Đang tải văn bản...
            **Số hiệu:**
            |
            216-QĐ/TW
            |
            **Loại văn bản:**
            |
            Quyết định
            |
            |
            BAN CHẤP HÀNH
            TRUNG ƯƠNG
            *
            |
            **ĐẢNG CỘNG
            SẢN VIỆT NAM**
            |
            Số:
            216-QĐ/TW
            |
            *Hà Nội, ngày 9
            tháng 1 năm 2026*
            |
            **QUYẾT ĐỊNH**
            VỀ VIỆC THÀNH LẬP
            BAN CHỈ ĐẠO
            Căn cứ Điều lệ Đảng;
            """
        let metadata = DocumentParser(rules: Support.rules).parse(text).metadata
        XCTAssertEqual(metadata.number?.symbol, "216-QĐ/TW")
        XCTAssertEqual(metadata.typeCode, "QĐ")
        XCTAssertEqual(VietText.key(metadata.issuer ?? ""), "ban chap hanh trung uong")
        XCTAssertEqual(metadata.date, "2026-01-09")
        XCTAssertEqual(metadata.title, "Quyết định về việc thành lập Ban Chỉ đạo")
        XCTAssertTrue(metadata.notes.contains { $0.contains("above the document's header") })
    }

    /// A law's header names the type before "số:" and has no place and date line: its date is
    /// the day the Assembly passed it, stated last.
    func testALawIsNumberedAfterItsTypeAndDatedByItsAdoption() throws {
        let document = try parse("law-header.txt")
        let metadata = document.metadata
        XCTAssertEqual(metadata.number?.symbol, "12/2026/QH16", "\"Luật số:\", not the body's \"Luật số 33/2013/QH13\"")
        XCTAssertEqual(metadata.typeCode, "L")
        XCTAssertEqual(metadata.issuer, "Quốc hội")
        XCTAssertEqual(metadata.date, "2026-11-20", "\"thông qua\" ⏎ \"ngày 20 tháng 11 năm 2026\"")
        XCTAssertNil(metadata.place)
        XCTAssertTrue(document.passages.contains { $0.text.contains("theo Luật số 33/2013/QH13") })
    }

    func testAStandingCommitteeResolutionIsNumberedAfterItsType() throws {
        let metadata = try parse("standing-committee-resolution.txt").metadata
        XCTAssertEqual(metadata.number?.symbol, "41/2026/UBTVQH16")
        XCTAssertEqual(metadata.typeCode, "NQ")
        XCTAssertEqual(metadata.date, "2026-12-14")
    }

    /// A consolidated text states its own number, date and body only in its authentication,
    /// which appendices may follow; the heading at its top names the consolidated document's type.
    func testAConsolidatedTextIsNumberedByItsAuthentication() throws {
        let document = try parse("consolidated-authentication.txt")
        let metadata = document.metadata
        XCTAssertEqual(metadata.number?.symbol, "4321/VBHN-BLĐTBXH")
        XCTAssertEqual(metadata.typeCode, "VBHN", "not THÔNG TƯ, the type of what it consolidates")
        XCTAssertEqual(metadata.date, "2025-11-24", "the authentication's, a line below the number")
        XCTAssertEqual(metadata.place, "Hà Nội")
        XCTAssertEqual(metadata.issuer, "Bộ Lao động - Thương binh và Xã hội", "the body left of the heading, over two lines")
        XCTAssertEqual(metadata.title, "Thông tư Hướng dẫn huấn luyện an toàn lao động cho người làm nghề khai thác đá ở vùng núi",
                       "not the gazette's caption (VĂN BẢN HỢP NHẤT -), nor the line naming the consolidated document")
        XCTAssertEqual(metadata.parentIssuer, nil, "the caption is no issuer")
    }

    /// A consolidated law: the motto, then the law's heading and name, no issuer above them.
    func testAConsolidatedLawIsTitledByItsHeadingUnderTheMotto() throws {
        let metadata = try parse("consolidated-law.txt").metadata
        XCTAssertEqual(metadata.number?.symbol, "40/VBHN-VPQH")
        XCTAssertEqual(metadata.typeCode, "VBHN")
        XCTAssertEqual(metadata.title, "Luật Phòng, chống thiên tai")
        XCTAssertEqual(metadata.issuer, "Văn phòng Quốc hội")
        XCTAssertEqual(metadata.date, "2026-03-16")
    }

    /// Text flattened column after column puts the number above the heading. A certified copy's
    /// stamp ("SAO Y BẢN CHÍNH", "Số: 05/SY-VP") numbers the copy, not the document.
    func testTheAuthenticationIsReadInAnyOrderAndNoOtherClosingNumberIs() {
        let body = "THÔNG TƯ\nQuy định mức thu phí thẩm định\nThông tư này quy định mức thu phí thẩm định dự án.\nĐiều 1. Mức thu\nMức thu là 500.000 đồng một hồ sơ.\n"
        let parser = DocumentParser(rules: Support.rules)
        let flattened = parser.parse(body + "Số: 111/VBHN-BTC\n\n\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 20 tháng 5 năm 2026\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Văn Quang\n").metadata
        XCTAssertEqual(flattened.number?.symbol, "111/VBHN-BTC")
        XCTAssertEqual(flattened.date, "2026-05-20")
        XCTAssertEqual(flattened.issuer, "Bộ Tài chính", "no issuer line: the central body its number names")
        let local = parser.parse("Số: 12/UBND-VP\nV/v rà soát hồ sơ\nKính gửi: Các xã.\nĐề nghị các xã rà soát hồ sơ.\n").metadata
        XCTAssertEqual(local.number?.symbol, "12/UBND-VP")
        XCTAssertNil(local.issuer, "UBND names a kind of body, not which")
        let copy = parser.parse(body + "SAO Y BẢN CHÍNH\nSố: 05/SY-VP\nHà Nội, ngày 21 tháng 5 năm 2026\nCHÁNH VĂN PHÒNG\nLê Văn Quang\n").metadata
        XCTAssertNil(copy.number)
        XCTAssertNil(copy.date)
    }

    /// A ministry's name over two lines of the left column, the second starting with "VÀ".
    func testAnIssuerNameGoingOnWithAndIsOneBody() throws {
        let metadata = try parse("ministry-two-lines.txt").metadata
        XCTAssertEqual(metadata.issuer, "Bộ Lao động - Thương binh và Xã hội")
        XCTAssertEqual(metadata.number?.symbol, "1391/QĐ-BLĐTBXH")
        XCTAssertEqual(metadata.date, "2026-09-12")
        XCTAssertEqual(metadata.title, "Quyết định Về việc công bố danh mục văn bản hết hiệu lực thuộc lĩnh vực giáo dục nghề nghiệp")
        // One space between the columns: the left column's first line goes with the motto.
        let text = try String(contentsOf: Support.fixtures.appendingPathComponent("layouts/ministry-two-lines.txt"), encoding: .utf8)
            .replacingOccurrences(of: "THƯƠNG BINH            CỘNG HÒA", with: "THƯƠNG BINH CỘNG HÒA")
        XCTAssertEqual(DocumentParser(rules: Support.rules).parse(text).metadata.issuer, "Bộ Lao động - Thương binh và Xã hội")
    }
}
