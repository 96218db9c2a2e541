import VanBan
import XCTest

/// The resolver on its own, without a database: citations extracted from short texts (or
/// written as facts), documents given by hand, and the links and nodes it gives.
final class ResolverTests: XCTestCase {
    private let rules = Support.rules

    private func document(_ id: Int64, _ symbol: String?, date: String? = nil, province: String? = nil,
                          path: String? = nil) -> Resolver.Document {
        let number = symbol.flatMap { NumberScanner(rules: rules).number(exactly: $0) }
        return Resolver.Document(id: id, number: number.map { NumberKey($0, types: rules.types) }, symbol: number?.symbol,
                                 typeCode: number?.type, typeName: nil, date: date, year: date.flatMap { Int($0.prefix(4)) },
                                 province: province, issuer: nil, title: nil, path: path ?? "\(id).txt", numberYear: number?.year)
    }

    /// The facts of the citations a text makes.
    private func facts(_ text: String) -> [CitationFacts] {
        CitationFinder(rules: rules).citations(in: text.components(separatedBy: "\n")).map { $0.facts(types: rules.types) }
    }

    private func resolve(_ documents: [Resolver.Document], _ citations: [Int64: [CitationFacts]])
        -> (nodes: [Resolver.Node], links: [Int64: [Resolver.Link]]) {
        Resolver.resolve(documents: documents, citations: citations, rules: rules)
    }

    private func label(_ node: Resolver.Node?) -> String? { node.map { $0.symbol ?? $0.name } }

    func testANumberResolvesToTheOneDocumentItsDateLeaves() {
        let documents = [document(1, "12-NQ/ĐU", date: "2015-01-03"), document(2, "12-NQ/ĐU", date: "2020-02-04"),
                         document(3, "5-TB/ĐU", date: "2021-03-01")]
        let (nodes, links) = resolve(documents, [3: facts("Thực hiện Nghị quyết số 12-NQ/ĐU.\nTriển khai Nghị quyết số 12-NQ/ĐU ngày 04/02/2020.")])
        let found = links[3]!
        XCTAssertEqual(found.map(\.status), [.ambiguous, .resolved])
        XCTAssertNil(found[0].target)
        XCTAssertTrue(found[0].note?.hasPrefix("2 documents fit: 12-NQ/ĐU of 2015-01-03") == true, found[0].note ?? "")
        XCTAssertEqual(found[1].target.map { nodes[$0].documentID }, 2)
        XCTAssertEqual(found[1].relation, .disseminates)
    }

    /// Local numbers restart in every province; a central issuer's never do, whatever the
    /// citing document's province.
    func testLocalNumbersAreScopedByProvinceCentralOnesAreNot() {
        let documents = [document(1, "30/2020/NĐ-CP", date: "2020-03-05", province: nil),
                         document(2, "77/UBND-VP", date: "2021-03-02", province: "Bình Dương"),
                         document(3, "812/UBND-VP", date: "2021-06-02", province: "Đồng Nai")]
        let (nodes, links) = resolve(documents, [3: facts("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.\nThực hiện Công văn số 77/UBND-VP.")])
        XCTAssertEqual(links[3]!.map(\.status), [.resolved, .external])
        XCTAssertEqual(links[3]![1].target.map { nodes[$0].key }, "ext:77||ubnd vp@dong nai")
    }

    /// A law's code carries the Assembly's term ("QH15"): the Assembly is still a central body,
    /// so a law cited from two provinces, with its issuer named or not, is one node.
    func testALawCitedFromTwoProvincesIsOneNode() throws {
        let documents = [document(1, "12/UBND-VP", province: "Hà Nội"), document(2, "7/UBND-VP", province: "Lào Cai")]
        let (nodes, links) = resolve(documents, [1: facts("Căn cứ Luật số 51/2024/QH15 ngày 27/11/2024 của Quốc hội."),
                                                 2: facts("Thực hiện Luật số 51/2024/QH15.")])
        let first = try XCTUnwrap(links[1]?.first?.target), second = try XCTUnwrap(links[2]?.first?.target)
        XCTAssertEqual(first, second)
        XCTAssertEqual(nodes[first].key, "ext:51||qh15/2024")
        XCTAssertEqual(Support.rules.issuers.entry(forNumberCode: "UBTVQH14")?.code, "UBTVQH")
        XCTAssertNil(Support.rules.issuers.entry(forNumberCode: "BCĐ35"), "only a listed body's code takes a term")
    }

    /// "45-KH/TƯ của Ban Thường vụ Tỉnh ủy": the symbol says TW, the text says TU. The archive
    /// settles it when it holds one of them; the conflict is recorded either way.
    func testAnIssuerTheSymbolAndTheTextDisagreeOnIsWeighed() throws {
        let text = "Thực hiện Kế hoạch số 45-KH/TƯ ngày 10/3/2030 của Ban Thường vụ Tỉnh ủy."
        let held = resolve([document(1, "45-KH/TU", date: "2030-03-10", province: "Đồng Nai"), document(2, "3-CV/ĐU", province: "Đồng Nai")],
                           [2: facts(text)])
        let link = try XCTUnwrap(held.links[2]?.first)
        XCTAssertEqual(link.status, .resolved)
        XCTAssertEqual(link.target.map { held.nodes[$0].documentID }, 1)
        XCTAssertEqual(link.note, "issuer: the symbol says TW, “Ban Thường vụ Tỉnh ủy” says TU; the archive holds only 45-KH/TU")
        let missing = resolve([document(2, "3-CV/ĐU", province: "Đồng Nai")], [2: facts(text)])
        let external = try XCTUnwrap(missing.links[2]?.first?.target.map { missing.nodes[$0] })
        XCTAssertEqual(external.symbol, "45-KH/TW")
        XCTAssertEqual(external.conflicts, ["issuer: the symbol says TW, “Ban Thường vụ Tỉnh ủy” says TU"])
    }

    /// Citations of one external document are one node, whose record is what they say of it;
    /// disagreements are conflicts, never merged, and layout spaces make none.
    func testExternalNodesAreHarvestedAndTheirConflictsKept() throws {
        let documents = [document(1, "1-TB/ĐU"), document(2, "2-TB/ĐU"), document(3, "3-TB/ĐU")]
        let (nodes, links) = resolve(documents, [
            1: facts("Thực hiện Quyết định số 768-QĐ/TU ngày 21/6/2010 của Tỉnh ủy  Đồng Nai về công tác dân vận."),
            2: facts("Thực hiện Quyết định số 768-QĐ/TU ngày 22/6/2010 của Tỉnh ủy Đồng Nai."),
            3: facts("Theo Quyết định số 768-QĐ/TU ngày 21/6/2010 của Tỉnh ủy Đồng Nai."),
        ])
        let targets = Set([1, 2, 3].compactMap { links[Int64($0)]?.first?.target })
        XCTAssertEqual(targets.count, 1)
        let node = nodes[try XCTUnwrap(targets.first)]
        XCTAssertEqual(node.date, "2010-06-21")
        XCTAssertEqual(node.title, "công tác dân vận")
        XCTAssertEqual(node.conflicts, ["date: 2010-06-21 (2×) vs 2010-06-22 (1×)"])
    }

    /// The year a số hiệu carries is part of it: Nghị định 137/2013 and 137/2018 are two decrees,
    /// cited or archived, so what repeals one never touches the other.
    func testTheYearOfANumberKeepsTwoDecreesApart() throws {
        let documents = [document(1, "285/2025/NĐ-CP"), document(2, "2536/QĐ-UBND"), document(3, "137/2018/NĐ-CP", date: "2018-10-08")]
        let (nodes, links) = resolve(documents, [
            1: facts("Bãi bỏ Nghị định số 137/2013/NĐ-CP ngày 14 tháng 10 năm 2013 của Chính phủ."),
            2: facts("Căn cứ Nghị định số 137/2018/NĐ-CP ngày 08 tháng 10 năm 2018 của Chính phủ."),
        ])
        let repealed = try XCTUnwrap(links[1]?.first?.target), cited = try XCTUnwrap(links[2]?.first?.target)
        XCTAssertNotEqual(repealed, cited)
        XCTAssertNil(nodes[repealed].documentID, "137/2013 is not the archived 137/2018")
        XCTAssertEqual(nodes[cited].documentID, 3)
    }

    /// A name's identity is its type, words and year or term: "Luật Thống kê" twice is one node,
    /// the Land Laws of 2013 and 2024 two; a name cited without its year takes the one its
    /// document gives it, else the only one the archive's citations give it.
    func testNamedDocumentsAreOneNodePerNameAndYear() {
        let documents = [document(1, "1-KH/ĐU"), document(2, "2-KH/ĐU"), document(3, "3-KH/ĐU"), document(4, "4-KH/ĐU")]
        let (nodes, links) = resolve(documents, [
            1: facts("Căn cứ Luật Thống kê; Luật Đất đai ngày 29 tháng 11 năm 2013; theo Luật Đất đai."),
            2: facts("Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015; Luật Đất đai 2024."),
            3: facts("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015."),
            4: facts("Theo Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 và Luật Đất đai."),
        ])
        func target(_ document: Int64, _ index: Int) -> String? { links[document]?[index].target.map { nodes[$0].name } }
        XCTAssertEqual(target(1, 0), "Luật Thống kê (2015)", "the archive cites it with one year only")
        XCTAssertEqual(target(1, 0), target(2, 0))
        XCTAssertEqual(target(1, 1), "Luật Đất đai (2013)")
        XCTAssertEqual(target(1, 2), "Luật Đất đai (2013)", "the year its document gives it")
        XCTAssertEqual(target(2, 1), "Luật Đất đai (2024)")
        XCTAssertNotEqual(target(3, 0), target(4, 0))
        XCTAssertNil(links[4]?[1].target, "two years are cited in the archive, and this document gives none")
        XCTAssertEqual(links[4]?[1].status, .ambiguous)
    }

    /// "Luật số 72/2030/QH16 được sửa đổi, bổ sung bởi Luật số 95/2031/QH16": the link runs from
    /// the agent to the law it amends, not from the citing decree.
    func testAPassiveAmendmentLinksTheAgentToTheDocumentItAmends() throws {
        let documents = [document(1, "412/2031/NĐ-CP", date: "2031-09-14")]
        let text = "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 72/2030/QH16 được sửa đổi, bổ sung một số điều bởi Luật số 95/2031/QH16;"
        let (nodes, links) = resolve(documents, [1: facts(text)])
        let found = try XCTUnwrap(links[1])
        XCTAssertEqual(found.map(\.relation), [.basedOn, .amends])
        XCTAssertEqual(label(nodes[found[1].source]), "95/2031/QH16")
        XCTAssertEqual(found[1].target.map { label(nodes[$0]) }, "72/2030/QH16")
        XCTAssertEqual(label(nodes[found[0].source]), "412/2031/NĐ-CP")
    }

    /// A short form finds the one archived document of its type and number; it is ambiguous when
    /// the archive holds two, and a defined name follows the citation that defined it.
    func testShortFormsAndDefinedNames() throws {
        let documents = [document(1, "39-NQ/TW", date: "2030-01-15"), document(2, "5-CT/TTg"), document(3, "5-CT/TU"),
                         document(4, "207/KH-UBND", date: "2031-10-02")]
        let text = """
            Quán triệt Nghị quyết số 39-NQ/TW ngày 15/01/2030 của Bộ Chính trị (sau đây gọi là Nghị quyết 39).
            Các sở thực hiện nghị quyết 39 và Chỉ thị 05.
            """
        let citations = facts(text)
        XCTAssertEqual(citations.map(\.kind), [.number, .short, .short])
        let (nodes, links) = resolve(documents, [4: citations])
        let found = try XCTUnwrap(links[4])
        XCTAssertEqual(found.map(\.status), [.resolved, .resolved, .ambiguous])
        XCTAssertEqual(found[1].target, found[0].target, "\"nghị quyết 39\" is the Nghị quyết 39 the text defined")
        XCTAssertEqual(found[0].target.map { nodes[$0].documentID }, 1)
        XCTAssertTrue(found[2].note?.hasPrefix("Chỉ thị 05 could be any of 2") == true, found[2].note ?? "")
    }

    /// What the text says another document does runs from that document; when that document is
    /// not resolved, the citing document only mentions the target.
    func testSubjectsAndBackReferences() throws {
        let documents = [document(1, "84-CV/ĐU", date: "2014-06-06")]
        let text = """
            Đảng ủy nhận được Chương trình số 60-CTr/ĐUK ngày 29/5/2014 của Đảng ủy Khối thực hiện Kế hoạch số 164-KH/TU về việc thực hiện Nghị quyết số 25-NQ/TW.
            Các chi bộ quán triệt Kế hoạch nêu trên.
            """
        let (nodes, links) = resolve(documents, [1: facts(text)])
        let found = try XCTUnwrap(links[1])
        XCTAssertEqual(found.map { "\(label(nodes[$0.source]) ?? "") \($0.relation.rawValue) \($0.target.flatMap { label(nodes[$0]) } ?? "-")" },
                       ["84-CV/ĐU mentions 60-CTr/ĐUK", "60-CTr/ĐUK implements 164-KH/TU", "164-KH/TU implements 25-NQ/TW",
                        "84-CV/ĐU disseminates 164-KH/TU"])
        XCTAssertEqual(found[3].note, "back-reference")
    }
}
