import Foundation
import VanBan
import XCTest

/// Reading what offices have: PDFs (text layer, scans, OCR), Word files (.docx and .doc) and
/// pages saved from the portals, each built here or written for these tests, indexed end to end.
final class SourceFormatTests: XCTestCase {
    private func read(_ data: Data, as name: String, ocr: Bool = false) throws -> SourceText {
        let folder = try Support.temporaryDirectory()
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return try Support.rules.sourceReader(options: .init(ocr: ocr)).read([UInt8](data), url: url)
    }

    private func parse(_ source: SourceText) -> ParsedDocument { DocumentParser(rules: Support.rules).parse(source) }

    /// A two-page signed Party programme: header in two columns, a blank number and day, a
    /// running head and page numbers, a body whose second part is on page 2.
    static var signedProgramme: Data {
        PDFFixture.text([
            [.init(60, 800, "TỈNH ỦY LÀO CAI"), .init(330, 800, "ĐẢNG CỘNG SẢN VIỆT NAM"),
             .init(95, 786, "*"),
             .init(60, 772, "Số        -CTr/TU"), .init(330, 772, "Lào Cai, ngày      tháng 8 năm 2026"),
             .init(240, 740, "CHƯƠNG TRÌNH"),
             .init(120, 726, "hành động thực hiện Kết luận số 75-KL/TW của Bộ Chính trị"),
             .init(170, 712, "về tiếp tục đẩy mạnh công tác dân vận"),
             .init(60, 680, "I. MỤC TIÊU"),
             .init(60, 664, "Nâng cao nhận thức của cán bộ, đảng viên về công tác dân vận trong"),
             .init(60, 650, "tình hình mới, theo Kết luận số 75-KL/TW."),
             .init(290, 40, "1")],
            [.init(200, 815, "Chương trình hành động của Tỉnh ủy"),
             .init(60, 780, "II. TỔ CHỨC THỰC HIỆN"),
             .init(60, 764, "Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện chương trình dân vận."),
             .init(290, 40, "2")],
            [.init(200, 815, "Chương trình hành động của Tỉnh ủy"),
             .init(80, 780, "Ban Dân vận Tỉnh ủy theo dõi, đôn đốc việc thực hiện."),
             .init(80, 766, "Các huyện ủy báo cáo kết quả thực hiện trước ngày 15/12"),
             .init(60, 752, "hằng năm."),
             .init(290, 40, "3")],
        ])
    }

    func testPDFTextLayerWithPagesHeaderAndBlanks() throws {
        let source = try read(Self.signedProgramme, as: "ctr.pdf")
        XCTAssertEqual(source.format, .pdf)
        XCTAssertEqual(source.pageCount, 3)
        XCTAssertEqual(source.pageStarts.count, 2)
        XCTAssertFalse(source.text.contains("Chương trình hành động của Tỉnh ủy"), "the running head is left out")
        XCTAssertTrue(source.notes.contains { $0.contains("page numbers, running heads") }, "\(source.notes)")
        let document = parse(source)
        let metadata = document.metadata
        XCTAssertNil(metadata.number)
        XCTAssertEqual(metadata.partialNumber, "CTr/TU")
        XCTAssertEqual(metadata.typeCode, "CTr")
        XCTAssertEqual(metadata.issuer, "Tỉnh ủy Lào Cai")
        XCTAssertNil(metadata.date)
        XCTAssertEqual(metadata.partialDate, "2026-08")
        XCTAssertEqual(metadata.title, "Chương trình hành động thực hiện Kết luận số 75-KL/TW của Bộ Chính trị về tiếp tục đẩy mạnh công tác dân vận")
        let body = Support.body(document.passages)
        XCTAssertEqual(body.map(\.headingPath), ["I. MỤC TIÊU", "II. TỔ CHỨC THỰC HIỆN", "II. TỔ CHỨC THỰC HIỆN", "II. TỔ CHỨC THỰC HIỆN"])
        XCTAssertEqual(body.map(\.page), [1, 2, 3, 3], "each passage keeps its page")
        XCTAssertEqual(body.last?.text, "Các huyện ủy báo cáo kết quả thực hiện trước ngày 15/12 hằng năm.",
                       "an indented first line opens a paragraph without a blank line before it")
        XCTAssertEqual(body[0].text, "Nâng cao nhận thức của cán bộ, đảng viên về công tác dân vận trong tình hình mới, theo Kết luận số 75-KL/TW.")
    }

    /// The portal that signs a scan stamps its first page with text and nothing else: that page
    /// has no text layer either, and a page of the document's own text beside it still counts.
    func testAScanWhoseOnlyTextIsItsSignatureStampIsAScan() throws {
        let stamp = [PDFFixture.Text(150, 800, "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ"),
                     PDFFixture.Text(150, 788, "Email: thongtinchinhphu@chinhphu.vn"),
                     PDFFixture.Text(150, 776, "Cơ quan: VĂN PHÒNG CHÍNH PHỦ"),
                     PDFFixture.Text(150, 764, "Thời gian ký: 04.05.2026 09:44:21 +07:00")]
        XCTAssertThrowsError(try read(PDFFixture.text([stamp, []]), as: "stamped-scan.pdf")) { error in
            XCTAssertEqual((error as? SourceFailure)?.description, "scanned: no text layer (2 pages); index with --ocr to read it with tesseract")
        }
        let body = [PDFFixture.Text(72, 700, "Điều 1. Quyết định này có hiệu lực kể từ ngày ký.")]
        let signed = try read(PDFFixture.text([stamp + body]), as: "signed.pdf")
        XCTAssertTrue(signed.text.contains("Điều 1. Quyết định này có hiệu lực"), signed.text)
    }

    func testScanIsReportedAndReadWhenTesseractIsThere() throws {
        // A page image with nothing drawn on it: no text layer.
        let blank = PDFFixture.scan(grey: [UInt8](repeating: 255, count: 64 * 64), width: 64, height: 64)
        XCTAssertThrowsError(try read(blank, as: "scan.pdf")) { error in
            XCTAssertEqual((error as? SourceFailure)?.description.hasPrefix("scanned: no text layer"), true, "\(error)")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tesseract") else {
            throw XCTSkip("tesseract is not installed (Debian tesseract-ocr, tesseract-ocr-vie): OCR not tried")
        }
        // A scan of a real page: a text PDF rendered to grey pixels by pdftoppm, then wrapped as a page image.
        let folder = try Support.temporaryDirectory()
        let printed = folder.appendingPathComponent("printed.pdf")
        try PDFFixture.printed([
            .init(40, 790, "UY BAN NHAN DAN"), .init(300, 790, "CONG HOA XA HOI CHU NGHIA VIET NAM"),
            .init(40, 770, "TINH LAO CAI"), .init(320, 770, "Doc lap - Tu do - Hanh phuc"),
            .init(40, 740, "So: 12/QD-UBND"), .init(300, 740, "Lao Cai, ngay 15 thang 9 nam 2026"),
            .init(250, 700, "QUYET DINH"), .init(40, 670, "Giao chi tieu trong rung nam 2026 cho cac xa."),
        ]).write(to: printed)
        let image = folder.appendingPathComponent("page")
        let render = try Support.run(URL(fileURLWithPath: "/usr/bin/pdftoppm"), ["-r", "200", "-gray", "-singlefile", printed.path, image.path])
        XCTAssertEqual(render.status, 0, render.stderr)
        let pgm = [UInt8](try Data(contentsOf: image.appendingPathExtension("pgm")))
        let (width, height, pixels) = try XCTUnwrap(Self.pgm(pgm))
        let source = try read(PDFFixture.scan(grey: pixels, width: width, height: height), as: "scan.pdf", ocr: true)
        XCTAssertTrue(source.ocr)
        XCTAssertTrue(source.notes.contains { $0.hasPrefix("text from OCR") })
        let metadata = parse(source).metadata
        XCTAssertEqual(metadata.number.map { NumberKey.number($0.number) }, "12", source.text)
        XCTAssertEqual(metadata.date, "2026-09-15", source.text)
    }

    /// Width, height and the pixels of a binary PGM (P5) image.
    private static func pgm(_ bytes: [UInt8]) -> (Int, Int, [UInt8])? {
        var fields: [Int] = []
        var index = 2
        while fields.count < 3, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { value = value * 10 + Int(bytes[index] - 0x30); index += 1 }
            fields.append(value)
        }
        guard bytes.starts(with: Array("P5".utf8)), fields.count == 3 else { return nil }
        let pixels = Array(bytes[(index + 1)...])
        return pixels.count == fields[0] * fields[1] ? (fields[0], fields[1], pixels) : nil
    }

    static var decision: Data {
        get throws {
            try DOCXFixture.document(body: [
                DOCXFixture.table([
                    [["ỦY BAN NHÂN DÂN", "TỈNH BÌNH THUẬN", "Số: 1424/QĐ-UBND"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Thuận, ngày 30 tháng 6 năm 2026"]],
                ]),
                DOCXFixture.paragraph("QUYẾT ĐỊNH"),
                DOCXFixture.paragraph("Phê duyệt Điều lệ (sửa đổi, bổ sung)"),
                DOCXFixture.paragraph("Hiệp hội Doanh nghiệp tỉnh Bình Thuận"),
                DOCXFixture.paragraph("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"),
                DOCXFixture.paragraph("Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ[footnote:1:footnote];"),
                DOCXFixture.paragraph("QUYẾT ĐỊNH:"),
                DOCXFixture.paragraph("MỤC TIÊU", list: (1, 0)),
                DOCXFixture.paragraph("Phê duyệt Điều lệ", list: (1, 1)),
                DOCXFixture.paragraph("Phê duyệt Điều lệ Hiệp hội gồm 8 chương, 30 điều.\tKèm theo Quyết định này."),
                DOCXFixture.paragraph("TỔ CHỨC THỰC HIỆN", list: (1, 0), breakBefore: true),
                DOCXFixture.paragraph("Hiệp hội có trách nhiệm", list: (1, 1)),
                DOCXFixture.paragraph("hoạt động theo Điều lệ được phê duyệt;", list: (1, 2)),
                DOCXFixture.paragraph("báo cáo Sở Nội vụ hằng năm.", list: (1, 2)),
                DOCXFixture.paragraph("Phụ lục", list: (2, 0)),
                DOCXFixture.table([
                    [["STT"], ["Nhiệm vụ"], ["Đơn vị chủ trì"], ["Thời hạn"]],
                    [["1"], ["Đại hội nhiệm kỳ", "(nhiệm kỳ 2026 - 2031)"], ["Hiệp hội Doanh nghiệp"], ["Quý IV/2026"]],
                ]),
                DOCXFixture.table([[["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hồng Hải"]]]),
            ], footnotes: [1: "Nghị định quy định về tổ chức, hoạt động và quản lý hội."], title: "QĐ phê duyệt điều lệ hiệp hội")
        }
    }

    func testDOCXParagraphsTablesListsFootnotesAndPages() throws {
        let source = try read(try Self.decision, as: "qd.docx")
        XCTAssertEqual(source.format, .docx)
        XCTAssertEqual(source.pageCount, 2, "Word's last rendered page break")
        XCTAssertEqual(source.propertiesTitle, "QĐ phê duyệt điều lệ hiệp hội")
        let document = parse(source)
        let metadata = document.metadata
        XCTAssertEqual(metadata.number?.symbol, "1424/QĐ-UBND")
        XCTAssertEqual(metadata.typeCode, "QĐ")
        XCTAssertEqual(metadata.issuer, "Ủy ban nhân dân tỉnh Bình Thuận", "the header table read cell by cell")
        XCTAssertEqual(metadata.date, "2026-06-30")
        XCTAssertEqual(metadata.title, "Quyết định Phê duyệt Điều lệ (sửa đổi, bổ sung) Hiệp hội Doanh nghiệp tỉnh Bình Thuận",
                       "the text's title, over two paragraphs, stops before the authority line; not the properties' title")
        XCTAssertEqual(metadata.signer, "Nguyễn Hồng Hải")
        XCTAssertEqual(metadata.signerRole, "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH")
        XCTAssertEqual(metadata.recipients, ["Như Điều 3", "Lưu: VT"])
        let texts = document.passages.map(\.text)
        XCTAssertEqual(texts.first, "Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ[1];")
        XCTAssertEqual(texts.dropFirst().first, "[1] Nghị định quy định về tổ chức, hoạt động và quản lý hội.", "the footnote after the paragraph citing it")
        func passage(_ prefix: String) -> Passage? { document.passages.first { $0.text.hasPrefix(prefix) } }
        XCTAssertEqual(passage("Phê duyệt Điều lệ Hiệp hội gồm")?.headingPath, "I. MỤC TIÊU › 1. Phê duyệt Điều lệ", "list numbers from numbering.xml")
        XCTAssertEqual(passage("Phê duyệt Điều lệ Hiệp hội gồm")?.text, "Phê duyệt Điều lệ Hiệp hội gồm 8 chương, 30 điều. Kèm theo Quyết định này.")
        XCTAssertEqual(passage("a) hoạt động")?.headingPath, "II. TỔ CHỨC THỰC HIỆN › 1. Hiệp hội có trách nhiệm")
        XCTAssertNotNil(passage("b) báo cáo Sở Nội vụ"))
        XCTAssertEqual(passage("a) hoạt động")?.page, 2)
        XCTAssertEqual(passage("Phê duyệt Điều lệ Hiệp hội gồm")?.page, 1)
        XCTAssertEqual(passage("1 | Đại hội")?.text, "1 | Đại hội nhiệm kỳ (nhiệm kỳ 2026 - 2031) | Hiệp hội Doanh nghiệp | Quý IV/2026",
                       "an appendix row is one passage, its cells between bars")
        XCTAssertNotNil(passage("STT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn"))
    }

    func testDOCXPropertiesTitleIsOnlyAFallback() throws {
        let data = try DOCXFixture.document(body: [DOCXFixture.paragraph("Ghi chép cuộc họp giao ban tuần.")], title: "Giao ban tuần 12")
        let metadata = parse(try read(data, as: "note.docx")).metadata
        XCTAssertEqual(metadata.title, "Giao ban tuần 12")
        XCTAssertTrue(metadata.notes.contains("title from the file's properties"))
    }

    func testBrokenDOCXAndUnknownWordFileAreRefusedWithTheReason() throws {
        XCTAssertThrowsError(try read(Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]), as: "broken.docx")) { error in
            XCTAssertEqual((error as? SourceFailure)?.description, "not a readable ZIP archive (damaged .docx?)")
        }
        // The signature of a Word 97–2003 file, and nothing a Word file has after it.
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1024))
        XCTAssertThrowsError(try read(ole, as: "old.doc")) { error in
            let reason = (error as? SourceFailure)?.description ?? ""
            XCTAssertTrue(reason.contains("soffice --headless --convert-to docx"), reason)
        }
    }

    func testWordFileWithoutAntiwordOrCatdocNamesTheConversion() throws {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        try Support.write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512), "cu.doc", in: folder)
        let archive = folder.deletingLastPathComponent().appendingPathComponent("a.db").path
        // A PATH without the tools: the .doc is refused with what to install or run, the rest indexes.
        try Support.write(Array("Số: 3-TB/ĐU\nBiên Hòa, ngày 2 tháng 1 năm 2015\n\nNội dung.\n".utf8), "tb.txt", in: folder)
        let run = try Support.run([ "index", folder.path, "--archive", archive], environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertTrue(run.stderr.contains("cu.doc: a Word 97–2003 file, and neither antiword nor catdoc is installed"), run.stderr)
        XCTAssertTrue(run.stdout.contains("1 added"), run.stdout)
    }

    func testPortalPageWithoutTheSite() throws {
        let data = try Data(contentsOf: Support.fixtures.appendingPathComponent("formats/portal-page.html"))
        let source = try read(data, as: "qd.html")
        XCTAssertEqual(source.format, .html)
        XCTAssertEqual(source.propertiesTitle, "Quyết định 52/QĐ-UBND | Cổng thông tin văn bản")
        for site in ["Trang chủ", "Bản quyền", "không phải văn bản", "Văn bản liên quan", "CỔNG THÔNG TIN"] {
            XCTAssertFalse(source.text.contains(site), "\(site) is the site's, not the document's")
        }
        let document = parse(source)
        let metadata = document.metadata
        XCTAssertEqual(metadata.number?.symbol, "52/QĐ-UBND", "\"Số:\" and the number on two lines")
        XCTAssertEqual(metadata.issuer, "Ủy ban nhân dân tỉnh Sơn La", "\"ỦY\" and \"BAN NHÂN DÂN\" on two lines")
        XCTAssertEqual(metadata.place, "Sơn La", "\"Sơn\" and \"La, ngày\" on two lines")
        XCTAssertEqual(metadata.date, "2026-01-07")
        XCTAssertEqual(metadata.title, "Quyết định Về việc giao chỉ tiêu phát triển rừng năm 2026", "named character references decoded")
        XCTAssertEqual(metadata.signer, "Cầm Văn Thành")
        XCTAssertTrue(document.passages.contains { $0.text == "Điều 1. Giao chỉ tiêu trồng rừng năm 2026 cho các xã & phường như phụ lục kèm theo." })
        XCTAssertTrue(document.passages.contains { $0.text == "1 | Xã Mường Bú | 120" }, "\(document.passages.map(\.text))")
        XCTAssertFalse(document.passages.contains { $0.text.contains("Hiển thị chi tiết") }, "a caption above the header is skipped")
    }

    /// Every format through `vanban index`: format, pages and notes in `show --json`, pages of
    /// passages, a scan reported by name, and the report of documents without a number or date.
    func testIndexShowAndProblemsAcrossFormats() throws {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.signedProgramme.write(to: folder.appendingPathComponent("ctr-tu.pdf"))
        try Self.decision.write(to: folder.appendingPathComponent("qd-1424.docx"))
        try Data(contentsOf: Support.fixtures.appendingPathComponent("formats/portal-page.html")).write(to: folder.appendingPathComponent("qd-52.html"))
        try PDFFixture.scan(grey: [UInt8](repeating: 255, count: 16 * 16), width: 16, height: 16).write(to: folder.appendingPathComponent("scan.pdf"))
        let archive = folder.deletingLastPathComponent().appendingPathComponent("a.db").path

        let index = try Support.run(["index", folder.path, "--archive", archive, "--report"])
        XCTAssertEqual(index.status, 4, "a file could not be read: \(index.stderr)")
        XCTAssertTrue(index.stderr.contains("scan.pdf: scanned: no text layer (1 page); index with --ocr"), index.stderr)
        XCTAssertTrue(index.stdout.contains("3 added"), index.stdout)
        XCTAssertTrue(index.stdout.contains("1 documents without a number, 1 without a date"), index.stdout)
        XCTAssertTrue(index.stdout.contains("ctr-tu.pdf [pdf] Chương trình: no number, no date"), index.stdout)
        XCTAssertTrue(index.stdout.contains("number left blank in the text"), index.stdout)

        let problems = try Support.run(["problems", "--archive", archive, "--json"])
        let list = try JSONDecoder().decode(ProblemList.self, from: Data(problems.stdout.utf8))
        XCTAssertEqual(list.unreadable.map(\.file), ["scan.pdf"])
        XCTAssertEqual(list.incomplete.map(\.file), ["ctr-tu.pdf"])
        XCTAssertEqual(list.incomplete.first?.missing, ["number", "date"])
        XCTAssertTrue(list.incomplete.first?.reasons.contains { $0.hasPrefix("day left blank") } == true)

        let show = try Support.run(["show", "1424/QĐ-UBND", "--json", "--archive", archive])
        XCTAssertEqual(show.status, 0, show.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let document = try XCTUnwrap(json["document"] as? [String: Any])
        XCTAssertEqual(document["format"] as? String, "docx")
        XCTAssertEqual(document["pages"] as? Int, 2)
        let paragraphs = try XCTUnwrap(json["paragraphs"] as? [[String: Any]])
        XCTAssertEqual(paragraphs.compactMap { $0["page"] as? Int }.max(), 2)
        let html = try Support.run(["show", "52/QĐ-UBND", "--json", "--archive", archive])
        let htmlDocument = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(html.stdout.utf8)) as? [String: Any])?["document"] as? [String: Any])
        XCTAssertEqual(htmlDocument["format"] as? String, "html")
        XCTAssertEqual(htmlDocument["signer"] as? String, "Cầm Văn Thành")

        let search = try Support.run(["search", "huyện ủy thành ủy xây dựng kế hoạch", "--json", "--archive", archive])
        let hits = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])?["hits"] as? [[String: Any]])
        XCTAssertEqual(hits.first?["file"] as? String, "ctr-tu.pdf", search.stdout)
        let passages = try XCTUnwrap(hits.first?["passages"] as? [[String: Any]])
        XCTAssertEqual(passages.first?["page"] as? Int, 2, "a hit says which page it is on")
        let plain = try Support.run(["search", "huyện ủy thành ủy xây dựng kế hoạch", "--archive", archive])
        XCTAssertTrue(plain.stdout.contains(", page 2)"), plain.stdout)
    }

    func testProgressCountsSourceBytes() throws {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.signedProgramme.write(to: folder.appendingPathComponent("a.pdf"))
        try Self.decision.write(to: folder.appendingPathComponent("b.docx"))
        try Support.write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "c.doc", in: folder)
        let sizes = try FileManager.default.contentsOfDirectory(atPath: folder.path).map {
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent($0).path)[.size] as! Int
        }
        var last: IndexProgress?
        let indexer = Indexer(archivePath: folder.deletingLastPathComponent().appendingPathComponent("a.db").path,
                              corpus: Corpus(root: folder), rules: Support.rules)
        _ = try indexer.run { last = $0 }
        XCTAssertEqual(last?.bytesTotal, sizes.reduce(0, +))
        XCTAssertEqual(last?.bytesDone, sizes.reduce(0, +), "the unreadable file's bytes count too")
    }
}
