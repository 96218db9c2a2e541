import Foundation
import VanBan
import XCTest

/// Citation extraction on the seed, and on small documents written for one behaviour each.
final class CitationTests: XCTestCase {
    private func citations(_ name: String, transform: (String) -> String = { $0 }) throws -> [Citation] {
        try document(name, transform: transform).citations
    }

    /// The citations of a seed file, and how many passages its body has (the trích yếu is read
    /// after them, as passage `passages`).
    private func document(_ name: String, transform: (String) -> String = { $0 }) throws -> (citations: [Citation], passages: Int) {
        let bytes = try [UInt8](Data(contentsOf: Support.corpus.appendingPathComponent(name)))
        let text = transform(try TextDecoder.decode(bytes).text)
        let document = DocumentParser(rules: Support.rules).parse(VietText.nfc(text))
        return (CitationFinder(rules: Support.rules).citations(in: document), document.passages.count)
    }

    private func summary(_ citations: [Citation]) -> [String] {
        citations.map { "\($0.number?.symbol ?? $0.named ?? $0.text) \($0.relation.rawValue) \($0.date ?? "-")" }
    }

    func testSeedProgrammeReferences() throws {
        let (found, passages) = try document("60-CTr-DUK_2014-05-29.txt")
        let body = found.filter { $0.passage < passages }
        let expected = [
            "Nghị quyết Trung ương 4 (khóa XI) implements -", "101-QĐ/TW implements 2012-06-07",
            "272-QĐ/TU implements 2012-07-24", "55-QĐ/TW implements 2012-01-10", "11-CT/TW implements 1996-12-28",
            "Nghị quyết Trung ương 4 (khóa XI) implements -", "Điều lệ Đảng disseminates -",
            "768-QĐ/TU implements 2010-06-21", "Quy chế công tác dân vận của hệ thống chính trị tỉnh Đồng Nai mentions -",
            "18/2000/CT-TTg implements 2000-09-21",
            "Luật Cán bộ, công chức implements -", "Luật Viên chức implements -", "768-QĐ/TU follows 2010-06-21",
            "Nghị quyết Đại hội Đảng bộ tỉnh implements -",
            "62-KL/TW follows 2009-12-08", "Điều lệ Đảng mentions -", "Pháp lệnh Cán bộ, công chức mentions -",
            "Nghị quyết của Trung ương disseminates -", "Quy chế công tác Dân vận của Đảng ủy khối mentions -",
            "164-KH/TU implements -", "25-NQ/TW implements 2013-06-03",
        ]
        XCTAssertEqual(summary(body), expected)
        XCTAssertEqual(summary(found.filter { $0.passage == passages }), ["164-KH/TU implements -", "25-NQ/TW implements -"],
                       "the trích yếu is read after the body")
        let byNumber = Dictionary(found.compactMap { c in c.number.map { ($0.symbol, c) } }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byNumber["101-QĐ/TW"]?.typeCode, "QĐi", "the citing words say Quy định")
        XCTAssertEqual(byNumber["101-QĐ/TW"]?.issuer, "Ban Bí thư Trung ương Đảng")
        XCTAssertEqual(byNumber["101-QĐ/TW"]?.title, "trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp")
        XCTAssertEqual(byNumber["11-CT/TW"]?.issuer, "Bộ Chính trị (khóa VIII)")
        XCTAssertEqual(byNumber["18/2000/CT-TTg"]?.issuer, "Thủ tướng Chính phủ")
        XCTAssertEqual(byNumber["62-KL/TW"]?.issuer, "Ban Bí thư Trung ương Đảng")
        let last = try XCTUnwrap(body.last)
        XCTAssertEqual(last.subject, body.count - 2, "164-KH/TU is what implements 25-NQ/TW")
        XCTAssertTrue(last.sentence.hasPrefix("Trên đây là Chương trình hành động"))
        let charter = try XCTUnwrap(found.firstIndex { $0.named == "Quy chế công tác dân vận của hệ thống chính trị tỉnh Đồng Nai" })
        XCTAssertEqual(found[charter].subject.map { found[$0].number?.symbol }, "768-QĐ/TU", "named in 768-QĐ/TU's title: stated about it")
        let review = try XCTUnwrap(found.first { $0.named == "Quy chế công tác Dân vận của Đảng ủy khối" })
        XCTAssertEqual(review.note, "proposed (đề xuất), not in force", "\"Nghiên cứu đề xuất sửa đổi, bổ sung\" amends nothing yet")
        XCTAssertEqual(found.first { $0.named == "Nghị quyết Đại hội Đảng bộ tỉnh" }?.term, "khóa IX")
    }

    func testSeedCoverLetterReferences() throws {
        let (found, passages) = try document("84-CV-DU_2014-06-06.txt")
        XCTAssertEqual(summary(found), ["60-CTr/ĐUK mentions 2014-05-29", "164-KH/TU implements -",
                                        "25-NQ/TW implements 2013-06-03", "60-CTr/ĐUK disseminates 2014-05-29",
                                        "Chương trình hành động của Đảng ủy Khối implements -", "164-KH/TU implements -"])
        XCTAssertEqual(found.map(\.subject), [nil, 0, 1, nil, nil, 4])
        XCTAssertEqual(found.filter { $0.passage == passages }.count, 2, "the V/v line's references")
        XCTAssertEqual(found[2].title, "về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác Dân vận trong tình hình mới")
    }

    func testUnaccentedAndNFDTextGiveTheSameReferences() throws {
        let original = summary(try citations("60-CTr-DUK_2014-05-29.txt"))
        let unaccented = try citations("60-CTr-DUK_2014-05-29.txt") { text in
            text.folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: "Đ", with: "D")
                .replacingOccurrences(of: "đ", with: "d")
        }
        XCTAssertEqual(unaccented.map(\.relation), try citations("60-CTr-DUK_2014-05-29.txt").map(\.relation))
        XCTAssertEqual(unaccented.compactMap(\.date), try citations("60-CTr-DUK_2014-05-29.txt").compactMap(\.date))
        XCTAssertEqual(unaccented.compactMap { $0.number.map { NumberKey($0, types: Support.rules.types) } },
                       try citations("60-CTr-DUK_2014-05-29.txt").compactMap { $0.number.map { NumberKey($0, types: Support.rules.types) } })
        XCTAssertEqual(summary(try citations("60-CTr-DUK_2014-05-29.txt") { $0.decomposedStringWithCanonicalMapping }), original)
    }

    func testBackReferences() {
        let text = """
            Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương. Các chi bộ quán triệt Nghị quyết nêu trên đến đảng viên.
            Căn cứ Nghị quyết số 12-NQ/ĐU và Nghị quyết số 13-NQ/ĐU. Triển khai Nghị quyết nêu trên đúng hạn. Kế hoạch này thay thế các văn bản trước.
            """
        let found = CitationFinder(rules: Support.rules).citations(in: text.components(separatedBy: "\n"))
        let backs = found.filter { $0.kind == .back }
        XCTAssertEqual(backs.count, 2, "\"Kế hoạch này\" is the document itself, not a reference")
        XCTAssertEqual(backs[0].refersTo.map { found[$0].number?.symbol }, "25-NQ/TW")
        XCTAssertEqual(backs[0].relation, .disseminates)
        XCTAssertNil(backs[1].refersTo)
        XCTAssertEqual(backs[1].note, "unresolved: ambiguous, 12-NQ/ĐU, 13-NQ/ĐU, 25-NQ/TW are all earlier Nghị quyết references")
        XCTAssertEqual(found.first { $0.number?.symbol == "13-NQ/ĐU" }?.relation, .basedOn, "a list shares its cue")
    }

    func testRelationCues() {
        let lines = [
            "Quyết định này thay thế Quyết định số 5-QĐ/TU ngày 1/2/2010.",
            "Bãi bỏ Chỉ thị số 7-CT/TU ngày 3/4/2011.",
            "Sửa đổi, bổ sung Quy định số 9-QĐi/TU ngày 5/6/2012.",
            "Hướng dẫn thực hiện Nghị quyết số 14-NQ/TU ngày 7/8/2013.",
            "Căn cứ Luật số 45/2019/QH14 và Nghị định 30/2020/NĐ-CP; theo Quyết định 1520/QĐ-UBND.",
            "Ban Chấp hành Đảng bộ ban hành Kết luận số 3-KL/TU ngày 3 tháng 6 năm 2013.",
            "Nghi quyet so 25-NQ/TW ngay 03/6/2013 cua Ban Chap hanh Trung uong; thuc hien Ke hoach 45-KH/TƯ.",
        ]
        let found = CitationFinder(rules: Support.rules).citations(in: lines)
        XCTAssertEqual(found.map { "\($0.number!.symbol) \($0.relation.rawValue) \($0.date ?? "-")" }, [
            "5-QĐ/TU replaces 2010-02-01", "7-CT/TU repeals 2011-04-03", "9-QĐi/TU amends 2012-06-05",
            "14-NQ/TU guides 2013-08-07", "45/2019/QH14 based_on -", "30/2020/NĐ-CP based_on -",
            "1520/QĐ-UBND follows -", "3-KL/TU mentions 2013-06-03", "25-NQ/TW mentions 2013-06-03",
            "45-KH/TW implements -",
        ])
        XCTAssertEqual(found[8].issuer, "Ban Chap hanh Trung uong")
    }

    func testAHeadingThatCitesIsRead() {
        let text = """
            ĐẢNG BỘ TỈNH ĐỒNG NAI
            Số: 7-KH/TU
            Biên Hòa, ngày 2 tháng 3 năm 2026

            KẾ HOẠCH
            nâng cao chất lượng sinh hoạt chi bộ

            I. TIẾP TỤC THỰC HIỆN KẾT LUẬN SỐ 75-KL/TW NGÀY 15 THÁNG 4 NĂM 2024 CỦA BỘ CHÍNH TRỊ
            1. Các cấp ủy quán triệt đến từng chi bộ.
            2. Các huyện ủy báo cáo kết quả trước ngày 15/12 hằng năm.
            """
        let document = DocumentParser(rules: Support.rules).parse(text)
        let heading = "I. TIẾP TỤC THỰC HIỆN KẾT LUẬN SỐ 75-KL/TW NGÀY 15 THÁNG 4 NĂM 2024 CỦA BỘ CHÍNH TRỊ"
        XCTAssertEqual(document.passages.map(\.headingPath), ["", heading, heading])
        let found = CitationFinder(rules: Support.rules).citations(in: document).filter { $0.passage < document.passages.count }
        XCTAssertEqual(summary(found), ["75-KL/TW implements 2024-04-15"], "a reference in a heading is a citation of its document")
        XCTAssertEqual(found.first?.passage, 0)
    }
}

/// The citation graph over archives: resolution, identity, chains, and the queries on them.
final class CitationGraphTests: XCTestCase {
    nonisolated(unsafe) static var archive: Archive!

    override class func setUp() {
        archive = try! Support.archive(of: Support.corpusCopy()).0
    }

    func testSeedChainUp() throws {
        let chain = try Self.archive.chain(from: "84 - CV/ĐU")
        XCTAssertEqual(chain.node.number, "84-CV/ĐU")
        let programme = try XCTUnwrap(chain.children.first { $0.node.number == "60-CTr/ĐUK" })
        XCTAssertEqual(programme.relation, .implements, "\"V/v triển khai thực hiện Chương trình ...\" is the strongest link")
        let plan = try XCTUnwrap(programme.children.first { $0.node.number == "164-KH/TU" })
        XCTAssertEqual(plan.relation, .implements)
        XCTAssertFalse(plan.node.inArchive)
        XCTAssertEqual(plan.children.map(\.node.number), ["25-NQ/TW"])
        XCTAssertEqual(plan.children.first?.relation, .implements)
        XCTAssertEqual(programme.children.filter { $0.node.number == "164-KH/TU" }.count, 1, "one node for 164-KH/TU")
        XCTAssertEqual(try Self.archive.chain(from: "84-CV/ĐU", depth: 1).children.map { $0.children.count }, [0])
    }

    func testSeedChainDownAndPath() throws {
        let down = try Self.archive.chain(from: "nq 25", direction: .down)
        XCTAssertEqual(down.children.map(\.node.number), ["164-KH/TU"])
        XCTAssertEqual(down.children.first?.children.map(\.node.number), ["60-CTr/ĐUK"])
        XCTAssertEqual(down.children.first?.children.first?.children.map(\.node.number), ["84-CV/ĐU"])
        let path = try Self.archive.path(from: "84-CV/ĐU", to: "25-NQ/TW")
        XCTAssertEqual(path.map(\.to.label), ["60-CTr/ĐUK", "164-KH/TU", "25-NQ/TW"])
        XCTAssertEqual(try Self.archive.path(from: "25-NQ/TW", to: "84-CV/ĐU").allSatisfy(\.reversed), true)
    }

    func testReferencesInBothDirections() throws {
        let references = try Self.archive.references(of: "84-CV/ĐU")
        XCTAssertEqual(references.map { "\($0.source.label) \($0.relation.rawValue) \($0.target?.label ?? "-")" },
                       ["84-CV/ĐU mentions 60-CTr/ĐUK", "60-CTr/ĐUK implements 164-KH/TU", "164-KH/TU implements 25-NQ/TW",
                        "84-CV/ĐU disseminates 60-CTr/ĐUK", "84-CV/ĐU implements 60-CTr/ĐUK", "60-CTr/ĐUK implements 164-KH/TU"],
                       "everything the text cites, what it says other documents do included")
        XCTAssertTrue(references.allSatisfy { $0.statedIn.label == "84-CV/ĐU" })
        XCTAssertEqual(references.last?.section, "", "the last is stated in the trích yếu (V/v line)")
        XCTAssertEqual(references.last?.sentence.contains("triển khai thực hiện Chương trình hành động của Đảng ủy Khối"), true)
        let groups = try Self.archive.referenceGroups(of: "84-CV/ĐU")
        XCTAssertEqual(groups.map { "\($0.about.label): \($0.references.count)" }, ["84-CV/ĐU: 3", "60-CTr/ĐUK: 2", "164-KH/TU: 1"],
                       "its own links, then \"stated here about 60-CTr/ĐUK\", then about 164-KH/TU")
        let citedBy = try Self.archive.citations(of: "768-QĐ/TU")
        XCTAssertEqual(citedBy.map(\.relation), [.implements, .follows])
        XCTAssertTrue(citedBy.allSatisfy { $0.source.number == "60-CTr/ĐUK" && $0.section.hasPrefix("III. NỘI DUNG") })
        let implementers = try Self.archive.citations(of: "25-NQ/TW")
        XCTAssertEqual(Set(implementers.map(\.source.label)), ["164-KH/TU"])
        XCTAssertEqual(Set(implementers.map(\.statedIn.label)), ["84-CV/ĐU", "60-CTr/ĐUK"])
        XCTAssertEqual(try Self.archive.citations(of: "Điều lệ Đảng").count, 2)
    }

    func testShowAnExternalDocument() throws {
        guard case .external(let view) = try Self.archive.show("101-QĐ/TW") else { return XCTFail("101-QĐ/TW is cited only") }
        XCTAssertEqual(view.node.date, "2012-06-07")
        XCTAssertEqual(view.node.type, "QĐi")
        XCTAssertEqual(view.node.issuer, "Ban Bí thư Trung ương Đảng")
        XCTAssertTrue(view.notice.contains("not in the archive"))
        XCTAssertEqual(view.citedBy.count, 1)
        guard case .archived(let document) = try Self.archive.show("60-CTr/ĐUK") else { return XCTFail() }
        XCTAssertEqual(document.citedBy.map(\.source.label), ["84-CV/ĐU", "84-CV/ĐU", "84-CV/ĐU"])
        XCTAssertEqual(document.references.filter { $0.statedIn.label == "60-CTr/ĐUK" }.count, 23, "21 in the body, 2 in the trích yếu")
        XCTAssertEqual(document.references.filter { $0.statedIn.label == "84-CV/ĐU" }.map(\.target?.label), ["164-KH/TU", "164-KH/TU"],
                       "what 84-CV/ĐU says 60-CTr/ĐUK does")
    }

    func testMissingDocumentsMostCitedFirst() throws {
        let missing = try Self.archive.missingDocuments()
        XCTAssertEqual(Set(missing.prefix(2).map(\.node.label)), ["164-KH/TU", "25-NQ/TW"], "each cited by both documents")
        XCTAssertEqual(missing.prefix(2).map(\.citingDocuments), [2, 2])
        let labels = missing.map(\.node.label)
        for expected in ["164-KH/TU", "101-QĐ/TW", "272-QĐ/TU", "55-QĐ/TW", "11-CT/TW", "768-QĐ/TU", "18/2000/CT-TTg",
                         "62-KL/TW", "Nghị quyết Trung ương 4 (khóa XI)", "Luật Cán bộ, công chức", "Luật Viên chức"] {
            XCTAssertTrue(labels.contains(expected), expected)
        }
        XCTAssertFalse(labels.contains("60-CTr/ĐUK"), "in the archive")
        XCTAssertEqual(missing.first { $0.node.label == "768-QĐ/TU" }?.citations, 2)
        XCTAssertEqual(missing.first { $0.node.label == "25-NQ/TW" }?.node.conflicts, [], "TW named two ways is one issuer")
        // A total order, so a listing never changes from one run to the next.
        for (a, b) in zip(missing, missing.dropFirst()) {
            XCTAssertTrue((b.citations, b.citingDocuments, a.node.label, a.node.id) < (a.citations, a.citingDocuments, b.node.label, b.node.id),
                          "\(a.node.label) before \(b.node.label)")
        }
    }

    func testGraphExport() throws {
        let graph = try Self.archive.graph()
        let dot = graph.dot
        XCTAssertTrue(dot.hasPrefix("digraph vanban {"))
        XCTAssertTrue(dot.contains("[label=\"disseminates\"]"))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(graph)) as? [String: Any]
        XCTAssertEqual((json?["nodes"] as? [Any])?.count, graph.nodes.count)
        XCTAssertGreaterThan(graph.links.count, 10)
    }

    private func archive(_ documents: [String: String]) throws -> Archive {
        let folder = try Support.temporaryDirectory().appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in documents {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try Support.archive(of: folder).0
    }

    private func header(_ number: String, _ date: String, province: String = "Đồng Nai") -> String {
        "ĐẢNG ỦY KHỐI\nĐẢNG ỦY CÔNG TY\n\nĐẢNG CỘNG SẢN VIỆT NAM\nBiên Hòa, ngày \(date)\n\nSố: \(number)\n\nTHÔNG BÁO\nvề công tác\n\n"
    }

    /// A central issuer's numbers are unique nationwide: a decree of the Chính phủ, whose place
    /// line reads Hà Nội, is linked from a province's document (it was not: the province of the
    /// citing document narrowed the decree away).
    func testCentralIssuersAreNeverNarrowedByProvince() throws {
        let archive = try archive([
            "nd.txt": "CHÍNH PHỦ      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 30/2020/NĐ-CP      Hà Nội, ngày 5 tháng 3 năm 2020\n\nNGHỊ ĐỊNH\nVề công tác văn thư\n\nNghị định này quy định về công tác văn thư.\n",
            "cv.txt": "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐỒNG NAI\nSố: 812/UBND-VP      Biên Hòa, ngày 2 tháng 6 năm 2021\nV/v thực hiện công tác văn thư\n\nThực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ, Ủy ban nhân dân tỉnh đề nghị các sở thực hiện.\n\nThực hiện Công văn số 77/UBND-VP của Ủy ban nhân dân tỉnh.\n",
            "cv-other.txt": "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BÌNH DƯƠNG\nSố: 77/UBND-VP      Thủ Dầu Một, ngày 2 tháng 3 năm 2021\nV/v báo cáo\n\nCác sở báo cáo.\n",
        ])
        let links = try archive.references(of: "812/UBND-VP")
        let decree = links.first { $0.target?.label == "30/2020/NĐ-CP" }
        XCTAssertEqual(decree?.status, "resolved", "\(links.map { ($0.target?.label, $0.status) })")
        XCTAssertEqual(decree?.target?.inArchive, true)
        // A local issuer still is: Bình Dương's 77/UBND-VP is not Đồng Nai's.
        XCTAssertEqual(links.first { $0.target?.label == "77/UBND-VP" }?.status, "external")
    }

    func testAmbiguityIsReportedAndDatesResolveIt() throws {
        let archive = try archive([
            "a.txt": header("12-NQ/ĐU", "3 tháng 1 năm 2015") + "Nội dung năm 2015.\n",
            "b.txt": header("12-NQ/ĐU", "4 tháng 2 năm 2020") + "Nội dung năm 2020.\n",
            "c.txt": header("5-TB/ĐU", "1 tháng 3 năm 2021") + "Thực hiện Nghị quyết số 12-NQ/ĐU của Đảng ủy.\n\nTriển khai Nghị quyết số 12-NQ/ĐU ngày 04/02/2020.\n",
        ])
        let links = try archive.references(of: "5-TB/ĐU")
        XCTAssertEqual(links.map(\.status), ["ambiguous", "resolved"])
        XCTAssertNil(links[0].target)
        XCTAssertTrue(links[0].note?.hasPrefix("2 documents fit: 12-NQ/ĐU of 2015-01-03") == true, links[0].note ?? "")
        XCTAssertEqual(links[1].target?.date, "2020-02-04")
        XCTAssertThrowsError(try archive.node(named: "12-NQ/ĐU"), "two documents carry that number")
    }

    func testConflictingCitationsAreReportedNotMerged() throws {
        let archive = try archive([
            "a.txt": header("1-TB/ĐU", "3 tháng 1 năm 2015") + "Thực hiện Quyết định số 768-QĐ/TU ngày 21/6/2010 của Tỉnh ủy.\n",
            "b.txt": header("2-TB/ĐU", "3 tháng 2 năm 2015") + "Thực hiện Quyết định số 768-QĐ/TU ngày 22/6/2010 của Tỉnh ủy.\n",
            "c.txt": header("3-TB/ĐU", "3 tháng 3 năm 2015") + "Theo Quyết định số 768-QĐ/TU ngày 21/6/2010 của Tỉnh ủy.\n",
        ])
        let node = try archive.node(named: "768-QĐ/TU")
        XCTAssertEqual(node.date, "2010-06-21", "the date most citations give")
        XCTAssertEqual(node.conflicts, ["date: 2010-06-21 (2×) vs 2010-06-22 (1×)"])
    }

    func testSelfCitationAndCyclesAreSafe() throws {
        let archive = try archive([
            "a.txt": header("1-KH/ĐU", "3 tháng 1 năm 2015") + "Thực hiện Kế hoạch số 2-KH/ĐU. Kế hoạch số 1-KH/ĐU được thực hiện nghiêm.\n",
            "b.txt": header("2-KH/ĐU", "3 tháng 2 năm 2015") + "Thực hiện Kế hoạch số 3-KH/ĐU.\n",
            "c.txt": header("3-KH/ĐU", "3 tháng 3 năm 2015") + "Thực hiện Kế hoạch số 1-KH/ĐU.\n",
        ])
        let chain = try archive.chain(from: "1-KH/ĐU", depth: 20)
        let second = try XCTUnwrap(chain.children.first)
        XCTAssertEqual(second.node.number, "2-KH/ĐU")
        let back = try XCTUnwrap(second.children.first?.children.first)
        XCTAssertEqual(back.node.number, "1-KH/ĐU")
        XCTAssertTrue(back.repeated)
        XCTAssertEqual(back.children, [])
        XCTAssertFalse(try archive.references(of: "1-KH/ĐU").contains { $0.target?.number == "1-KH/ĐU" },
                       "a document's own number is never one of its references")
        XCTAssertEqual(try archive.path(from: "1-KH/ĐU", to: "3-KH/ĐU").count, 2)
    }

    /// Local numbers are scoped by province; one read from issuer lines that name two places is
    /// the more specific place's, whatever order the rules are held in.
    func testProvinceFromIssuerLinesIsTheMostSpecificPlace() {
        var metadata = DocumentMetadata()
        metadata.issuer = "Đảng ủy phường Long Khánh"
        metadata.parentIssuer = "Ban Thường vụ Thành ủy Bà Rịa"
        XCTAssertEqual(Support.rules.province(of: metadata), "Đồng Nai")
        metadata.issuer = "Ban Dân vận Thành ủy Bà Rịa"
        XCTAssertEqual(Support.rules.province(of: metadata), "Bà Rịa - Vũng Tàu")
    }
}
