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
        XCTAssertEqual(passages.map(\.text), ["I. MỤC TIÊU", "Nâng cao chất lượng.", "II. NHIỆM VỤ", "Các chi bộ thực hiện tốt."],
                       "a heading is a passage too, under the headings above it")
        XCTAssertEqual(passages.map(\.headingPath), ["", "I. MỤC TIÊU", "", "II. NHIỆM VỤ"])
        XCTAssertEqual(Passage.headings(amongPaths: passages.map(\.headingPath)), [true, false, true, false])
    }

    /// A decree as a Công báo PDF's text layer gives it: chapters over their titles, articles
    /// titled on their first line, clauses, and lines wrapped where a reference goes on.
    static let decree = """
        CHÍNH PHỦ
        Số: 12/2026/NĐ-CP
        Hà Nội, ngày 10 tháng 3 năm 2026

        NGHỊ ĐỊNH
        Sửa đổi, bổ sung một số điều của Nghị định số 88/2020/NĐ-CP

        Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;

        Chương I
        QUY ĐỊNH CHUNG

        Điều 1. Phạm vi điều chỉnh
        Nghị định này sửa đổi, bổ sung một số điều về an toàn, vệ sinh lao động theo quy định tại khoản 2
        Điều 4 Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ.

        Điều 2. Sửa đổi, bổ sung một số điều của Nghị định số 88/2020/NĐ-CP ngày 28 tháng 7 năm 2020
        1. Sửa đổi khoản 2 Điều 3 như sau:
        “2. Người sử dụng lao động lập hồ sơ theo Mẫu số 01 ban hành kèm theo Nghị định này.”
        2. Bổ sung khoản 4 vào sau khoản 3 Điều 5 như sau:
        “4. Hồ sơ được gửi qua hệ thống dịch vụ công trực tuyến.”

        Điều 3. Sửa đổi, bổ sung Điều 7
        “Điều 7. Hồ sơ đề nghị
        Hồ sơ được nộp theo quy định tại điểm d khoản 4
        Điều 89.”

        Chương II
        ĐIỀU KHOẢN SỬA ĐỔI, BỔ SUNG
        VÀ THI HÀNH

        Điều 4. Hiệu lực thi hành
        Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.

        PHỤ LỤC I
        MẪU HỒ SƠ
        1. Đơn đề nghị theo Mẫu số 01.
        Điều 53
        2. Bản sao giấy chứng nhận.
        """

    func testLegalDivisionsHeadTheirArticlesAndHeadingsCite() throws {
        let document = DocumentParser(rules: Support.rules).parse(Self.decree)
        let passages = document.passages
        let chapter = "Chương I QUY ĐỊNH CHUNG", article = chapter + " › Điều 2. Sửa đổi, bổ sung một số điều của Nghị định số 88/2020/NĐ-CP ngày 28 tháng 7 năm 2020"
        let clause = try XCTUnwrap(passages.first { $0.text.hasPrefix("1. Sửa đổi khoản 2 Điều 3") })
        XCTAssertEqual(clause.headingPath, article, "a clause stands under its article, under its chapter")
        XCTAssertTrue(passages.contains { $0.text == "Chương I QUY ĐỊNH CHUNG" && $0.headingPath.isEmpty }, "a chapter's label and title: one heading")
        let scope = try XCTUnwrap(passages.first { $0.text.hasPrefix("Nghị định này sửa đổi") })
        XCTAssertEqual(scope.headingPath, chapter + " › Điều 1. Phạm vi điều chỉnh", "an article's title is its heading")
        XCTAssertTrue(scope.text.hasSuffix("khoản 2 Điều 4 Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ."),
                      "\"Điều 4 Nghị định ...\" after a wrapped line goes on with its sentence: \(scope.text)")
        XCTAssertEqual(passages.first { $0.text.hasPrefix("2. Bổ sung khoản 4") }?.headingPath, article, "the next clause is an item too")
        let validity = try XCTUnwrap(passages.first { $0.text.hasPrefix("Nghị định này có hiệu lực") })
        XCTAssertEqual(validity.headingPath, "Chương II ĐIỀU KHOẢN SỬA ĐỔI, BỔ SUNG VÀ THI HÀNH › Điều 4. Hiệu lực thi hành",
                       "a chapter, its title on two lines, closes the articles of the one before")
        let quoted = try XCTUnwrap(passages.first { $0.text.hasPrefix("“Điều 7. Hồ sơ đề nghị") })
        XCTAssertEqual(quoted.headingPath, chapter + " › Điều 3. Sửa đổi, bổ sung Điều 7", "an article quoted after its title")
        XCTAssertTrue(quoted.text.hasSuffix("điểm d khoản 4 Điều 89.”"), "\"Điều 89.\" ends the reference above it: \(quoted.text)")
        XCTAssertEqual(passages.last?.headingPath, "PHỤ LỤC I MẪU HỒ SƠ", "an appendix ends the articles")
        XCTAssertFalse(passages.contains { $0.headingPath.contains("Điều 53") }, "an article's number alone, a table's cell, heads nothing")
        // The article's title is a passage too, so the decree it amends is cited, and how.
        let citations = CitationFinder(rules: Support.rules).citations(in: document)
        let amended = try XCTUnwrap(citations.first { $0.number?.symbol == "88/2020/NĐ-CP" && $0.passage < passages.count })
        XCTAssertEqual(amended.relation, .amends)
        XCTAssertEqual(passages[amended.passage].text, "Điều 2. Sửa đổi, bổ sung một số điều của Nghị định số 88/2020/NĐ-CP ngày 28 tháng 7 năm 2020")
        XCTAssertEqual(citations.first { $0.number?.symbol == "15/2020/NĐ-CP" }?.relation, .follows)
    }

    /// Clauses as a gazette decree numbers them: the first article's are items, and so are the
    /// next article's, but a clause ending in a colon over points is their heading.
    static let leadIns = """
        CHÍNH PHỦ
        Số: 45/2026/NĐ-CP
        Hà Nội, ngày 10 tháng 3 năm 2026

        NGHỊ ĐỊNH
        Quy định về phần mềm phổ biến

        Điều 1. Phạm vi điều chỉnh
        1. Nghị định này quy định việc công bố danh mục phần mềm phổ biến.
        2. Nghị định này áp dụng với các bộ, cơ quan ngang bộ.

        Điều 2. Công bố danh mục các phần mềm phổ biến
        1. Phần mềm phổ biến là phần mềm đáp ứng các tiêu chí sau:
        a) Được nhiều bộ, cơ quan trung ương, địa phương có nhu cầu đầu tư;
        b) Được cấp có thẩm quyền công bố.
        2. Cơ quan, đơn vị triển khai phải lập báo cáo đánh giá tác động. Báo cáo gồm các nội dung sau:
        a) Mục tiêu của phần mềm;
        b) Chi phí dự kiến.
        3. Bộ Thông tin và Truyền thông công bố danh mục hằng năm.
        """

    func testALeadInHeadsItsPointsAndStillRequires() throws {
        let document = DocumentParser(rules: Support.rules).parse(Self.leadIns)
        let passages = document.passages
        let article = "Điều 2. Công bố danh mục các phần mềm phổ biến"
        let point = try XCTUnwrap(passages.first { $0.text.hasPrefix("b) Được cấp có thẩm quyền") })
        XCTAssertEqual(point.headingPath, article + " › 1. Phần mềm phổ biến là phần mềm đáp ứng các tiêu chí sau:",
                       "a point stands under the clause that leads in to it")
        let cost = try XCTUnwrap(passages.first { $0.text.hasPrefix("b) Chi phí") })
        XCTAssertTrue(cost.headingPath.hasSuffix("› 2. Cơ quan, đơn vị triển khai phải lập báo cáo đánh giá tác động. Báo cáo gồm các nội dung sau:"),
                      "a lead-in of two sentences heads its points too: \(cost.headingPath)")
        XCTAssertEqual(passages.first { $0.text.hasPrefix("3. Bộ Thông tin") }?.headingPath, article, "the clause after the points is an item")
        XCTAssertEqual(passages.first { $0.text.hasPrefix("2. Nghị định này áp dụng") }?.headingPath, "Điều 1. Phạm vi điều chỉnh",
                       "a clause without points stays an item")
        let requirements = RequirementFinder(rules: Support.rules).requirements(in: document)
        XCTAssertTrue(requirements.contains { $0.sentence.hasPrefix("2. Cơ quan, đơn vị triển khai phải lập báo cáo") },
                      "the lead-in's own first sentence requires: \(requirements.map(\.sentence))")
    }

    /// An amending law: clauses quoting new text, whose own numbering restarts inside the
    /// quotation, and an article that is all text before one that is titled.
    static let amendments = """
        QUỐC HỘI
        Số: 51/2024/QH15
        Hà Nội, ngày 27 tháng 11 năm 2024

        LUẬT
        Sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế

        Điều 1. Sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế
        1. Sửa đổi, bổ sung Điều 7a như sau:
        “Điều 7a. Trách nhiệm của Bộ Lao động - Thương binh và Xã hội
        1. Chỉ đạo, hướng dẫn tổ chức thực hiện việc xác định đối tượng.
        2. Thanh tra, kiểm tra việc thực hiện quy định của pháp luật.”.
        2. Sửa đổi, bổ sung khoản 1 Điều 11 như sau:
        “1. Chậm đóng, trốn đóng bảo hiểm y tế.”.

        Điều 2. Bổ sung khoản 5 vào sau khoản 4 của Điều 81 “5. Việc xác định giá trị hàng hóa do cơ quan có thẩm quyền quyết định.”

        Điều 3. Sửa đổi, bổ sung Điều 84
        “Điều 84. Buộc tiêu hủy
        1. Hàng hóa sao chép lậu bị buộc tiêu hủy.”.

        Điều 4. Hiệu lực thi hành
        Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.
        """

    func testQuotedAmendmentsStandUnderTheClauseQuotingThem() throws {
        let passages = DocumentParser(rules: Support.rules).parse(Self.amendments).passages
        let article = "Điều 1. Sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế"
        func path(_ prefix: String) -> String? { passages.first { $0.text.hasPrefix(prefix) }?.headingPath }
        XCTAssertEqual(path("2. Thanh tra"), article + " › 1. Sửa đổi, bổ sung Điều 7a như sau:",
                       "the quotation's own numbering stands under the clause that quotes it")
        XCTAssertEqual(path("2. Sửa đổi, bổ sung khoản 1 Điều 11"), article, "after the quotation, the article's clauses go on")
        XCTAssertEqual(path("“1. Chậm đóng"), article + " › 2. Sửa đổi, bổ sung khoản 1 Điều 11 như sau:")
        XCTAssertEqual(path("1. Hàng hóa sao chép lậu"), "Điều 3. Sửa đổi, bổ sung Điều 84",
                       "an article after one that is all text is a heading, not a list item")
        XCTAssertEqual(path("Luật này có hiệu lực"), "Điều 4. Hiệu lực thi hành")
    }

    /// A decree's text layer as pdftotext -layout gives it: no blank lines, a paragraph's first
    /// line indented, and article titles wrapped over several lines without a stop.
    static let wrappedTitles = """
        CHÍNH PHỦ
        Số: 145/2020/NĐ-CP
        Hà Nội, ngày 14 tháng 12 năm 2020

        NGHỊ ĐỊNH
        Quy định chi tiết một số điều của Bộ luật Lao động

           Điều 5. Nội dung hợp đồng lao động đối với người lao động được thuê
        làm giám đốc trong doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ
           Hợp đồng lao động đối với người lao động được thuê làm giám đốc trong
        doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ có các nội dung chủ yếu
        quy định tại Điều 21 của Bộ luật Lao động.
           Điều 6. Thời hạn báo trước
           Thời hạn báo trước khi đơn phương chấm dứt hợp đồng lao động được tính
        theo ngày làm việc.
           Điều 7. Mức trợ cấp hằng tháng
           1. Mức trợ cấp hằng tháng đối với mỗi thân nhân bằng 50% mức tham chiếu; trường
        hợp thân nhân không có người trực tiếp nuôi dưỡng thì mức trợ cấp hằng tháng bằng
        70% mức tham chiếu, trừ trường hợp quy định tại khoản 2 Điều này và các trường
        hợp khác theo quy định của pháp luật.
        """

    func testAnArticleTitleWrappedOverLinesEndsWhereTheIndentedTextBegins() throws {
        let passages = DocumentParser(rules: Support.rules).parse(Self.wrappedTitles).passages
        let title = "Điều 5. Nội dung hợp đồng lao động đối với người lao động được thuê làm giám đốc trong doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ"
        XCTAssertTrue(passages.contains { $0.text == title }, "the title's two lines, alone: \(passages.map(\.text))")
        XCTAssertEqual(passages.first { $0.text.hasPrefix("Hợp đồng lao động đối với") }?.headingPath, title)
        XCTAssertEqual(passages.first { $0.text.hasPrefix("Thời hạn báo trước khi") }?.headingPath, "Điều 6. Thời hạn báo trước")
        XCTAssertEqual(passages.first { $0.text.hasPrefix("1. Mức trợ cấp") }?.headingPath, "Điều 7. Mức trợ cấp hằng tháng",
                       "a title alone on its line ends there, though \"tháng\" may take a number")
    }

    func testAFootnoteMarkGluedToAnArticleNumber() {
        // A consolidated text (văn bản hợp nhất) marks each amended article with a footnote.
        let text = """
            BỘ KẾ HOẠCH VÀ ĐẦU TƯ
            Số: 9191/VBHN-BKHĐT
            Hà Nội, ngày 8 tháng 11 năm 2019

            NGHỊ ĐỊNH
            Về tổ hợp tác

            Điều 3. Giải thích từ ngữ
            Tổ hợp tác là tổ chức không có tư cách pháp nhân.

            Điều 4.4 (được bãi bỏ)

            Điều 5.5 Quyền của tổ hợp tác
            1. Tổ hợp tác có các quyền theo quy định của pháp luật.
            2. Tổ hợp tác được xem xét hưởng các chính sách hỗ trợ của Nhà nước.
            """
        let passages = DocumentParser(rules: Support.rules).parse(text).passages
        XCTAssertEqual(passages.first { $0.text.hasPrefix("2. Tổ hợp tác") }?.headingPath, "Điều 5.5 Quyền của tổ hợp tác")
        XCTAssertEqual(passages.first { $0.text.hasPrefix("Điều 4.4") }?.headingPath, "", "a repealed article closes the one before")
    }

    /// "... thiên tai" folds as "... tại" does, a word a sentence goes on after with a number:
    /// with its marks it is no such word, and the item under it opens a paragraph.
    func testALineEndingInAWordThatOnlyFoldsLikeAContinuationEndsThere() {
        let text = """
            ỦY BAN NHÂN DÂN TỈNH LÀO CAI
            Số: 12/KH-UBND
            Lào Cai, ngày 3 tháng 3 năm 2027

            KẾ HOẠCH
            Phòng, chống thiên tai năm 2027

            1. Các xã rà soát khu dân cư có nguy cơ sạt lở, phòng, chống thiên tai
            2. Chủ động sơ tán dân ra khỏi vùng nguy hiểm trước mùa mưa lũ.
            """
        let passages = DocumentParser(rules: Support.rules).parse(text).passages
        XCTAssertTrue(passages.contains { $0.text.hasPrefix("2. Chủ động sơ tán") }, passages.map(\.text).joined(separator: " | "))
        let continued = DocumentParser(rules: Support.rules).parse(text.replacingOccurrences(of: "thiên tai\n2.", with: "quy định tại\n2."))
        XCTAssertFalse(continued.passages.contains { $0.text.hasPrefix("2. Chủ động sơ tán") }, "\"tại\" itself goes on")
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
