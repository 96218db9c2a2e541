import Foundation
import VanBan
import XCTest

final class ParserTests: XCTestCase {
    private func parse(_ name: String) throws -> ParsedDocument {
        let bytes = try [UInt8](Data(contentsOf: Support.corpus.appendingPathComponent(name)))
        return DocumentParser(rules: Support.rules).parse(try TextDecoder.decode(bytes).text)
    }

    func testCoverLetterHeader() throws {
        let metadata = try parse("84-CV-DU_2014-06-06.txt").metadata
        XCTAssertEqual(metadata.number?.symbol, "84-CV/ĐU")
        XCTAssertEqual(metadata.typeCode, "CV")
        XCTAssertEqual(metadata.typeName, "Công văn")
        XCTAssertEqual(metadata.issuer, "Đảng ủy Sở Tư pháp")
        XCTAssertEqual(metadata.parentIssuer, "Đảng ủy Khối các cơ quan tỉnh")
        XCTAssertEqual(metadata.place, "Biên Hòa")
        XCTAssertEqual(metadata.date, "2014-06-06")
        XCTAssertEqual(metadata.title, "triển khai thực hiện Chương trình hành động của Đảng ủy Khối thực hiện Kế hoạch 164-KH/TU")
        XCTAssertEqual(metadata.signer, "Phan Văn Châu")
        XCTAssertEqual(metadata.signerRole, "T/M ĐẢNG ỦY, PHÓ BÍ THƯ")
        XCTAssertEqual(Array(metadata.recipients.prefix(3)),
                       ["Các đồng chí UVBCH Đảng ủy Sở", "Chi bộ 1, 2, 3 và 4", "Các phòng chuyên môn, đơn vị trực thuộc"])
        XCTAssertTrue(metadata.recipients.contains("Trang TTĐT Sở"), "Nơi nhận list")
        XCTAssertEqual(metadata.missingFields, [])
    }

    func testCoverLetterBodyIsThreeParagraphsWithoutHeadings() throws {
        let passages = try parse("84-CV-DU_2014-06-06.txt").passages
        XCTAssertEqual(passages.count, 3)
        XCTAssertTrue(passages[0].text.hasPrefix("Ngày 04/6/2014, Đảng ủy Sở Tư pháp nhận được"))
        XCTAssertTrue(passages.allSatisfy { $0.path.isEmpty })
        XCTAssertFalse(passages.contains { $0.text.contains("Phan Văn Châu") }, "the signature is not body text")
    }

    func testHeaderlessProgrammeTakesItsMetadataBlock() throws {
        let metadata = try parse("60-CTr-DUK_2014-05-29.txt").metadata
        XCTAssertEqual(metadata.number?.symbol, "60-CTr/ĐUK")
        XCTAssertEqual(metadata.typeCode, "CTr")
        XCTAssertEqual(metadata.issuer, "Đảng ủy Khối các cơ quan tỉnh")
        XCTAssertEqual(metadata.date, "2014-05-29")
        XCTAssertNil(metadata.signer)
    }

    func testSectionPaths() throws {
        let passages = try parse("60-CTr-DUK_2014-05-29.txt").passages
        func path(ofParagraphStarting prefix: String) -> String? {
            passages.first { $0.text.hasPrefix(prefix) }?.headingPath
        }
        XCTAssertEqual(path(ofParagraphStarting: "- Xác định rõ nhiệm vụ"), "2. Yêu cầu")
        XCTAssertEqual(path(ofParagraphStarting: "Tạo sự chuyển biến mạnh mẽ"), "II. MỤC TIÊU, CHỈ TIÊU › 1. Mục tiêu")
        XCTAssertEqual(path(ofParagraphStarting: "- Đảm bảo 100% các tổ chức"), "II. MỤC TIÊU, CHỈ TIÊU › 2. Các chỉ tiêu chủ yếu")
        XCTAssertEqual(path(ofParagraphStarting: "Quán triệt sâu sắc tư tưởng dân vận"),
                       "III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP › 2. Nâng cao nhận thức về vai trò, vị trí công tác dân vận trong tình hình mới cho đội ngũ cán bộ, đảng viên")
        XCTAssertEqual(path(ofParagraphStarting: "Tiếp tục làm tốt công tác giáo dục")?.hasPrefix("III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP › 1. Tăng cường xây dựng Đảng"), true)
        XCTAssertEqual(path(ofParagraphStarting: "+ Phối hợp xây dựng và thực hiện Quy chế"),
                       "III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP › 4. Tăng cường và đổi mới công tác dân vận trong tình hình mới")
        XCTAssertEqual(path(ofParagraphStarting: "1- Các cấp ủy đảng trực thuộc"), "III. TỔ CHỨC THỰC HIỆN", "the repeated III. starts a new part")
        XCTAssertEqual(path(ofParagraphStarting: "Các cấp ủy Đảng tăng cường công tác kiểm tra"),
                       "III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP › 7. Tăng cường lãnh đạo, chỉ đạo, kiểm tra và giám sát việc thực hiện công tác dân vận.")
    }

    func testParagraphCutByAPageBreakIsJoined() throws {
        let passages = try parse("60-CTr-DUK_2014-05-29.txt").passages
        XCTAssertTrue(passages.contains { $0.text.contains("giữ gìn phẩm chất đạo đức và lối sống") })
        XCTAssertTrue(passages.contains { $0.text.contains("5- Giao Ban Tuyên giáo") && $0.text.contains("định kỳ báo cáo Ban Thường vụ") })
    }

    /// Text with no paragraph breaks (wrapped lines without blank lines or indents, and cut
    /// paragraphs that page-break joining would run together) becomes passages of at most
    /// 16 KB (`Outline.longestParagraph`), each opening on a line of its own, losing no word.
    func testTextWithoutParagraphBreaksIsCutIntoBoundedPassages() {
        let wrapped = (1...1_500).map { "dòng \($0) của văn bản không có chỗ xuống đoạn, theo Nghị quyết số 25-NQ/TW và" }
        let cut = (1...400).map { "đoạn \($0) bị cắt ngang bởi ngắt trang, các cấp ủy tiếp tục thực hiện nghị quyết và\n" }
        let text = "Số: 5-CV/ĐU\nBiên Hòa, ngày 2 tháng 1 năm 2015\n\n" + wrapped.joined(separator: "\n") + "\n\n" + cut.joined(separator: "\n")
        let passages = DocumentParser(rules: Support.rules).parse(text).passages
        XCTAssertGreaterThan(passages.count, 10)
        XCTAssertTrue(passages.allSatisfy { $0.text.utf8.count <= 16_384 }, "\(passages.map(\.text.utf8.count).max() ?? 0) bytes")
        XCTAssertEqual(passages.map(\.text).joined(separator: " "), (wrapped + cut.map { String($0.dropLast()) }).joined(separator: " "))
        XCTAssertEqual(passages.map(\.line), passages.map(\.line).sorted())
    }

    func testUpperCaseHeaderLinesInOrdinaryCase() {
        let casing = Support.rules.casing
        XCTAssertEqual(casing.ordinaryCase("ĐẢNG BỘ TỈNH ĐỒNG NAI"), "Đảng bộ tỉnh Đồng Nai")
        XCTAssertEqual(casing.ordinaryCase("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"), "Đảng ủy Khối các cơ quan tỉnh")
        XCTAssertEqual(casing.ordinaryCase("BAN TUYÊN GIÁO TỈNH ỦY"), "Ban Tuyên giáo Tỉnh ủy")
        XCTAssertEqual(casing.ordinaryCase("ỦY BAN NHÂN DÂN THÀNH PHỐ BIÊN HÒA"), "Ủy ban nhân dân thành phố Biên Hòa")
    }

    func testHeadingsDoNotSwallowTheLineUnderThem() {
        let text = "Số: 3-TB/ĐU\nBiên Hòa, ngày 2 tháng 1 năm 2015\n\nI. MỤC TIÊU\nNâng cao chất lượng.\n\nII. NHIỆM VỤ\nCác chi bộ thực hiện tốt.\n"
        let passages = DocumentParser(rules: Support.rules).parse(text).passages
        XCTAssertEqual(passages.map(\.text), ["Nâng cao chất lượng.", "Các chi bộ thực hiện tốt."])
        XCTAssertEqual(passages.map(\.headingPath), ["I. MỤC TIÊU", "II. NHIỆM VỤ"])
    }

    func testTheParserNeverInventsANumber() {
        let text = "Về công tác dân vận\n\nCác cấp ủy phải thường xuyên quán triệt nghị quyết 25.\n"
        let metadata = DocumentParser(rules: Support.rules).parse(text).metadata
        XCTAssertNil(metadata.number)
        XCTAssertTrue(metadata.missingFields.contains("number"))
        XCTAssertTrue(metadata.missingFields.contains("date"))
    }

    func testStateHeader() {
        let text = """
            ỦY BAN NHÂN DÂN
            TỈNH ĐỒNG NAI
            SỞ TƯ PHÁP
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Số: 1520/QĐ-UBND
            Biên Hòa, ngày 3 tháng 5 năm 2020

            QUYẾT ĐỊNH
            Về việc ban hành Quy chế dân chủ

            Điều 1. Ban hành kèm theo Quyết định này Quy chế.
            """
        let metadata = DocumentParser(rules: Support.rules).parse(text).metadata
        XCTAssertEqual(metadata.number?.symbol, "1520/QĐ-UBND")
        XCTAssertEqual(metadata.typeCode, "QĐ")
        XCTAssertEqual(metadata.issuer, "Sở Tư pháp")
        XCTAssertEqual(metadata.parentIssuer, "Ủy ban nhân dân tỉnh Đồng Nai", "ỦY BAN NHÂN DÂN over TỈNH ĐỒNG NAI names one body")
        XCTAssertEqual(metadata.date, "2020-05-03")
        XCTAssertEqual(metadata.title, "Quyết định Về việc ban hành Quy chế dân chủ")
    }
}
