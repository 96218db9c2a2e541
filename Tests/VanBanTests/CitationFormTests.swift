import Foundation
import VanBan
import XCTest

/// Citations as real documents write them, on fixtures written to reproduce each form seen in
/// real decrees, decisions, plans and Party guides (`Fixtures/citations`; names and numbers
/// invented): named laws, lists under one cue, passive amendments, validity and its dates,
/// proposals, short forms and defined names, harvested fields, a document's own number.
final class CitationFormTests: XCTestCase {
    nonisolated(unsafe) static var archive: Archive!

    override class func setUp() {
        archive = try! Support.archive(of: Support.fixtureCopy("citations")).0
    }

    private func citations(_ name: String) throws -> [Citation] {
        let url = Support.fixtures.appendingPathComponent("citations").appendingPathComponent(name)
        let document = DocumentParser(rules: Support.rules).parse(VietText.nfc(try String(contentsOf: url, encoding: .utf8)))
        return CitationFinder(rules: Support.rules).citations(in: document)
    }

    private func citations(of text: String) -> [Citation] {
        CitationFinder(rules: Support.rules).citations(in: text.components(separatedBy: "\n"))
    }

    private func label(_ citation: Citation) -> String { citation.number?.symbol ?? citation.named ?? citation.text }

    private func first(_ found: [Citation], _ label: String) throws -> Citation {
        try XCTUnwrap(found.first { self.label($0) == label }, "\(label) in \(found.map(self.label))")
    }

    // MARK: Named documents

    /// "Căn cứ Luật ... ngày ...": laws by grammar, with their dates; the amending law is one
    /// reference that amends the laws it names.
    func testNamedLawsByGrammar() throws {
        let found = try citations("quyet-dinh-ubnd.txt").filter { $0.kind == .named }
        XCTAssertEqual(found.map { "\(label($0)) \($0.relation.rawValue) \($0.date ?? "-") \($0.subject.map(String.init) ?? "-")" }, [
            "Luật Tổ chức chính quyền địa phương based_on 2015-06-19 -",
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương based_on 2019-11-22 -",
            "Luật Tổ chức Chính phủ amends - 1", "Luật Tổ chức chính quyền địa phương amends - 1",
            "Luật Luật sư based_on 2006-06-29 -",
            "Luật sửa đổi, bổ sung một số điều của Luật Luật sư based_on 2012-11-20 -", "Luật Luật sư amends - 5",
        ])
    }

    /// Codes, conferences with their term, constitutions with their year, titled and period
    /// names; a law beside its number names the number.
    func testOtherNamedForms() throws {
        let found = try citations("huong-dan-dang.txt")
        XCTAssertEqual(try first(found, "Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư").term, "khóa XIV")
        XCTAssertEqual(try first(found, "Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương").term, "khóa XIII")
        XCTAssertEqual(try first(found, "Hiến pháp").term, "năm 2013")
        for name in ["Chiến lược phát triển kinh tế - xã hội giai đoạn 2031 - 2035", "Bộ luật Lao động", "QCVN 02:2030/BXD"] {
            XCTAssertEqual(try first(found, name).kind, .named)
        }
        XCTAssertFalse(found.contains { label($0) == "Điều lệ Đảng" && $0.passage > 1 }, "inside a quoted title it is the title's")
        let law = try first(try citations("nghi-dinh-bai-bo.txt"), "71/2030/QH16")
        XCTAssertEqual(law.named, "Luật Tổ chức Chính phủ")
        XCTAssertEqual(law.typeCode, "L")
        let editions = citations(of: "Căn cứ Điều lệ Đảng; theo Điều lệ Đảng khóa II; kỷ luật cán bộ, công chức (theo quy định của Điều lệ Đảng khoá II), thời gian.")
        XCTAssertEqual(editions.map { "\(label($0)) \($0.term ?? "-")" }, ["Điều lệ Đảng -", "Điều lệ Đảng khóa II", "Điều lệ Đảng khoá II"],
                       "another edition, in either tone placement; and \"kỷ luật cán bộ, công chức\" names no law")
    }

    // MARK: Where a cue reaches

    /// "Bãi bỏ toàn bộ các nghị định sau đây:" governs each item; the references in an item's
    /// title are stated about that item ("... hướng dẫn thi hành ... Luật Đo lường").
    func testALeadInGovernsEveryItemOfItsList() throws {
        let found = try citations("nghi-dinh-bai-bo.txt")
        for number in ["41/2006/NĐ-CP", "118/2008/NĐ-CP", "57/2012/NĐ-CP", "73/2019/NĐ-CP", "12/2020/NĐ-CP"] {
            XCTAssertEqual(try first(found, number).relation, .repeals, number)
            XCTAssertNil(try first(found, number).subject, number)
        }
        let measure = try first(found, "Luật Đo lường")
        XCTAssertEqual(measure.relation, .guides)
        XCTAssertEqual(measure.subject.map { label(found[$0]) }, "118/2008/NĐ-CP")
        let fisheries = found.filter { label($0) == "Luật sửa đổi, bổ sung một số điều của Luật Thủy sản" }
        XCTAssertEqual(fisheries.map(\.relation), [.guides])
        XCTAssertEqual(fisheries.first?.subject.map { label(found[$0]) }, "57/2012/NĐ-CP", "a list inside a title stays in it")
        XCTAssertEqual(try first(found, "73/2019/NĐ-CP").part, "khoản 2 Điều 14")
        XCTAssertEqual(try first(found, "12/2020/NĐ-CP").part, "chương IV")
        let guide = try citations("huong-dan-dang.txt")
        XCTAssertEqual(try first(guide, "Bộ luật Lao động").relation, .mentions,
                       "\"... hướng dẫn như sau:\" names no documents: it leads in to the guide's own text")
    }

    /// A cue stops at the end of its clause and at a new cue; a list shares its cue.
    func testACueReachesItsListAndStopsAtItsClause() {
        let found = citations(of: """
            Thực hiện Văn bản số 4250/BNV-CCHC ngày 02/5/2031 và Văn bản số 4643/BNV-CCHC ngày 20/5/2031 của Bộ Nội vụ; theo đề nghị của Sở Nội vụ tại Tờ trình số 9/TTr-SNV.
            Bãi bỏ các văn bản sau:
            1. Quyết định số 5/QĐ-UBND ngày 01/02/2020.
            2. Quyết định số 7/QĐ-UBND ngày 03/4/2021.
            1 Quyết định số 12/QĐ-UBND ngày 05/6/2022 về tổ chức bộ máy.
            """)
        XCTAssertEqual(found.map { "\(label($0)) \($0.relation.rawValue)" }, [
            "4250/BNV-CCHC implements", "4643/BNV-CCHC implements", "9/TTr-SNV follows",
            "5/QĐ-UBND repeals", "7/QĐ-UBND repeals", "12/QĐ-UBND mentions",
        ], "the footnote after the list is not one of its items")
    }

    // MARK: Direction, mood, validity

    /// "được sửa đổi, bổ sung bởi": the cited agent amends the document before it of its own
    /// type (the Nghị định, not the Luật its title names); the citing document amends neither.
    func testPassiveAmendmentsRunFromTheAgent() throws {
        let found = try citations("nghi-dinh-bai-bo.txt")
        let law = try first(found, "95/2031/QH16")
        XCTAssertEqual(law.relation, .amends)
        XCTAssertEqual(law.object.map { label(found[$0]) }, "72/2030/QH16")
        XCTAssertEqual(try first(found, "72/2030/QH16").relation, .basedOn)
        XCTAssertEqual(try first(found, "140/2031/NĐ-CP").object.map { label(found[$0]) }, "88/2030/NĐ-CP")
        let decision = try citations("quyet-dinh-ubnd.txt")
        let agent = try first(decision, "96/2030/NĐ-CP")
        XCTAssertEqual(agent.object.map { label(decision[$0]) }, "45/2028/NĐ-CP")
        XCTAssertEqual(agent.part, "Khoản 13 Điều 20")
        XCTAssertEqual(try first(decision, "45/2028/NĐ-CP").part, "Khoản 1 Điều 21")
    }

    /// "... hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành": this document ends them,
    /// from its own effective date, or from the date the text gives.
    func testEndsAndTheirEffectDates() throws {
        let found = try citations("nghi-dinh-bai-bo.txt")
        for number in ["64/2018/NĐ-CP", "29/2021/NĐ-CP"] {
            XCTAssertEqual(try first(found, number).relation, .ends, number)
            XCTAssertEqual(try first(found, number).effect, Citation.onEffect, number)
        }
        XCTAssertEqual(try first(found, "930/QĐ-TTg").relation, .ends)
        XCTAssertEqual(try first(found, "930/QĐ-TTg").effect, "2032-01-01")
        let decision = try citations("quyet-dinh-ubnd.txt")
        XCTAssertEqual(try first(decision, "355/QĐ-UBND").relation, .replaces)
        XCTAssertEqual(try first(decision, "2209/QĐ-UBND").relation, .replaces,
                       "\"thay thế Điều lệ được công nhận tại Quyết định số ...\" reaches the Quyết định")
    }

    /// "đề xuất sửa đổi", "dự thảo Nghị định thay thế" amend and replace nothing yet.
    func testProposalsAmendNothing() throws {
        let found = try citations("nghi-dinh-bai-bo.txt")
        XCTAssertEqual(try first(found, "51/2022/NĐ-CP").relation, .mentions)
        XCTAssertEqual(try first(found, "51/2022/NĐ-CP").note, "proposed (đề xuất), not in force")
        XCTAssertEqual(try first(found, "17/2023/NĐ-CP").relation, .mentions)
        XCTAssertEqual(try first(found, "17/2023/NĐ-CP").note, "proposed (dự thảo), not in force")
    }

    // MARK: Short forms and defined names

    /// "(sau đây gọi tắt là Chiến lược)" names the document for the rest of the text;
    /// "nghị quyết 39" is the Nghị quyết 39 it defined; "Chỉ thị 05" is left to the archive.
    func testShortFormsAndDefinedNames() throws {
        let found = try citations("ke-hoach-dinh-nghia.txt")
        XCTAssertEqual(try first(found, "1702/QĐ-TTg").defines, "Chiến lược")
        let strategies = found.filter { $0.kind == .short && $0.text == "Chiến lược" }
        XCTAssertEqual(strategies.count, 3, "in 415's title, in an item, and in the trích yếu")
        XCTAssertTrue(strategies.allSatisfy { $0.refersTo.map { label(found[$0]) } == "1702/QĐ-TTg" })
        XCTAssertEqual(strategies.first?.subject.map { label(found[$0]) }, "415/KH-BNN-PCTT", "named in 415's title")
        XCTAssertEqual(try first(found, "nghị quyết 39").refersTo.map { label(found[$0]) }, "39-NQ/TW")
        let directive = try first(found, "Chỉ thị 05")
        XCTAssertEqual(directive.kind, .short)
        XCTAssertNil(directive.refersTo)
        XCTAssertEqual(directive.issuer, "Thủ tướng Chính phủ")
        XCTAssertEqual(try first(found, "QĐ932").short, Citation.ShortForm(type: "QĐ", number: "932"))
        XCTAssertFalse(found.contains { $0.text == "Nghị quyết 39" }, "the definition itself is no reference")
    }

    /// In the archive a defined name links where its definition does; a short form the archive
    /// does not settle is a node of its own.
    func testShortFormsInTheArchive() throws {
        let references = try Self.archive.references(of: "207/KH-UBND")
        let strategy = try XCTUnwrap(references.first { $0.text == "Chiến lược" && $0.source.label == "207/KH-UBND" })
        XCTAssertEqual(strategy.target?.label, "1702/QĐ-TTg")
        XCTAssertEqual(strategy.status, "resolved")
        let directive = try XCTUnwrap(references.first { $0.text == "Chỉ thị 05" })
        XCTAssertEqual(directive.status, "external")
        XCTAssertEqual(directive.target?.name, "Chỉ thị 05")
    }

    // MARK: Harvested fields

    /// An issuer is not "Chính phủ quy định", "Tỉnh ủy thành các chương trình", "Ủy ban nhân dân
    /// tỉnh Yên Bái ban hành Quy ch"; a body of bodies.tsv is read whole; a title ends at its
    /// clause, a defining parenthesis or the next item; layout spaces are one space.
    func testHarvestedFieldsStopWhereTheNameStops() throws {
        let found = citations(of: """
            Thực hiện Nghị định số 15/2030/NĐ-CP ngày 01/3/2030 của Chính phủ quy định chi tiết về hội.
            Quán triệt Nghị quyết số 11-NQ/TU của Tỉnh ủy thành các chương trình hành động.
            Thực hiện Quyết định số 9/2031/QĐ-UBND của Uỷ ban nhân dân tỉnh Yên Bái ban hành Quy chế phối hợp.
            Theo Kế hoạch số 8/KH-UBND ngày 02/3/2031 của Ủy ban nhân dân   tỉnh An Hòa về phòng, chống thiên tai (sau đây gọi tắt là Kế hoạch 8); Quyết định số 3/QĐ-UBND.
            """)
        XCTAssertEqual(found.filter { $0.kind == .number }.map { $0.issuer ?? "-" },
                       ["Chính phủ", "Tỉnh ủy", "Uỷ ban nhân dân tỉnh Yên Bái", "Ủy ban nhân dân tỉnh An Hòa", "-"])
        XCTAssertEqual(found[3].named, "Quy chế phối hợp", "named in 9/2031/QĐ-UBND's title")
        XCTAssertEqual(found[3].subject, 2)
        XCTAssertEqual(found[0].title, "quy định chi tiết về hội")
        XCTAssertEqual(found[4].title, "phòng, chống thiên tai")
        XCTAssertEqual(found[4].defines, "Kế hoạch 8")
        XCTAssertEqual(found[5].relation, .follows, "the list goes on past the parenthesis")
        let plan = try citations("ke-hoach-dinh-nghia.txt")
        XCTAssertEqual(try first(plan, "415/KH-BNN-PCTT").issuer, "Bộ Nông nghiệp và Môi trường")
        XCTAssertEqual(try first(plan, "2211/QĐ-TTg").issuer, "Thủ tướng Chính phủ", "its parenthesis closes another")
        XCTAssertEqual(try first(plan, "2211/QĐ-TTg").relation, .mentions, "\"(ban hành kèm theo Quyết định số ...)\"")
    }

    /// A title written with a capital ("của Chính phủ Quy định chi tiết ..."): the issuer ends
    /// with the whole name of a body of issuers.tsv, and the title starts at the verb.
    func testACapitalisedVerbAfterAWholeIssuerStartsTheTitle() throws {
        let found = citations(of: """
            Căn cứ Nghị định số 16/2030/NĐ-CP ngày 02/3/2030 của Chính phủ Quy định chi tiết về quỹ xã hội.
            """).filter { $0.kind == .number }
        XCTAssertEqual(found.map { $0.issuer ?? "-" }, ["Chính phủ"])
        XCTAssertEqual(found.first?.title, "Quy định chi tiết về quỹ xã hội")
    }

    /// "45-KH/TƯ của Ban Thường vụ Tỉnh ủy": the symbol says TW, the text TU; the archive holds
    /// neither, and the node says so.
    func testAnIssuerConflictIsRecordedOnItsNode() throws {
        let node = try Self.archive.node(named: "45-KH/TW")
        XCTAssertEqual(node.conflicts, ["issuer: the symbol says TW, “Ban Thường vụ Tỉnh ủy” says TU"])
    }

    // MARK: What is no reference

    /// The document's own number, read from its header or, when the header was not read, from a
    /// "Số:" line; what it holds ("ban hành kèm theo Quyết định này"); examples of a style guide.
    func testADocumentsOwnNumberAndExamplesAreNoReferences() throws {
        let unread = citations(of: """
            ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 207/KH-UBND          An Hòa, ngày 02 tháng 10 năm 2031
            Kế hoạch số 207/KH-UBND được gửi các sở; thực hiện Kế hoạch số 15/KH-UBND.
            """)
        XCTAssertEqual(unread.map(label), ["15/KH-UBND"], "a header not read still has its \"Số:\" cell")
        let guide = try citations("huong-dan-dang.txt")
        XCTAssertFalse(guide.contains { label($0) == "17-HD/BTCTU" }, "\"Kèm theo Hướng dẫn số 17-HD/BTCTU\" is itself")
        XCTAssertFalse(guide.contains { ["16-BC/ĐH", "24-BS/UBKTTU"].contains(label($0)) }, "examples under \"Ví dụ:\"")
        let decision = try citations("quyet-dinh-ubnd.txt")
        XCTAssertFalse(decision.contains { label($0).hasPrefix("Điều lệ Hội Nghề cá") },
                       "the charter it approves, in its Điều 1 and its trích yếu, is the decision's own")
    }

    /// Numbers as offices type them.
    func testNumbersAsOfficesTypeThem() throws {
        let guide = try citations("huong-dan-dang.txt")
        for number in ["08-HD/BTCTU", "2587-CV/VPTW/nb", "12-HD/BTCTW"] {
            XCTAssertNotNil(guide.first { label($0) == number }, number)
        }
        let found = citations(of: "Căn cứ Công văn số 1189/SNV-LĐVL&TN ngày 29/8/2031 và Tờ trình số 197/TTr-CAT(PA05); Công văn số 09/HNC.")
        XCTAssertEqual(found.map(label), ["1189/SNV-LĐVL&TN", "197/TTr-CAT(PA05)", "09/HNC"])
        let scanner = NumberScanner(rules: Support.rules)
        for symbol in ["1189/SNV-LĐVL&TN", "197/TTr-CAT(PA05)", "2587-CV/VPTW/nb", "156-CV/TĐTN-BCTĐ&TTN"] {
            XCTAssertEqual(scanner.number(exactly: symbol)?.symbol, symbol, "\(symbol) is read back as written")
        }
    }
}
